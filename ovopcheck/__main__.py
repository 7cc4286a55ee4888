from ovopcheck.cli import main

main()
