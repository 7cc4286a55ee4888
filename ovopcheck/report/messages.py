"""Every message an officer reads, in Indonesian (id) and English (en). Legal terms stay Indonesian."""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

LANGUAGES = ("id", "en")

MESSAGES: Mapping[str, Mapping[str, str]] = {
    # --- problems with input files
    "file_not_found": {"id": "berkas tidak ditemukan", "en": "file not found"},
    "is_directory": {
        "id": "ini folder, bukan berkas profil; sebutkan berkas .yaml di dalamnya",
        "en": "this is a folder, not a profile file; name the .yaml file inside it",
    },
    "programme_not_yet_in_force": {
        "id": "profil ini untuk program {programme}, tetapi tidak ada aturan program itu yang berlaku pada {date}; "
        "aturan pertamanya berlaku sejak {starts}. Periksa dengan --as-of {starts} atau sesudahnya",
        "en": "this profile is for the {programme} programme, but no rules of that programme were in force on "
        "{date}; its first rules apply from {starts}. Check with --as-of {starts} or later",
    },
    "programme_no_longer_in_force": {
        "id": "profil ini untuk program {programme}, tetapi tidak ada aturan program itu yang berlaku pada {date}",
        "en": "this profile is for the {programme} programme, but no rules of that programme were in force on {date}",
    },
    "file_unreadable": {"id": "berkas tidak dapat dibaca ({reason})", "en": "file cannot be read ({reason})"},
    "not_regular_file": {
        "id": "bukan berkas biasa (FIFO, perangkat atau soket); berikan berkas .yaml biasa",
        "en": "not a regular file (FIFO, device or socket); give an ordinary .yaml file",
    },
    "file_too_large": {
        "id": "berkas terlalu besar ({size} bita; batas {limit} bita)",
        "en": "file too large ({size} bytes; the limit is {limit} bytes)",
    },
    "not_utf8": {
        "id": "berkas bukan teks UTF-8 (bita ke-{offset}); simpan ulang sebagai UTF-8",
        "en": "file is not UTF-8 text (byte {offset}); save it again as UTF-8",
    },
    "dossier_without_profile": {
        "id": (
            "tidak ada yang dapat diperiksa di folder ini: tidak ada profile.yaml, dan tidak ada berkas profil"
            " .yaml di dalamnya atau di subfoldernya"
        ),
        "en": (
            "nothing to check in this folder: it holds no profile.yaml, and no .yaml profile in it or its sub-folders"
        ),
    },
    "link_outside_folder": {
        "id": (
            "tautan ini mengarah ke luar folder yang diperiksa, jadi tidak dibaca; sebutkan berkas tujuannya"
            " sendiri untuk memeriksanya, atau kecualikan dengan --exclude"
        ),
        "en": (
            "this link leads outside the folder being checked, so it is not read; name the file it points to"
            " to check it, or leave it out with --exclude"
        ),
    },
    "profile_outside_dossier": {
        "id": (
            "profile.yaml mengarah ke luar folder berkas usulan (sebuah tautan), jadi tidak dibaca; salin berkasnya"
            " ke folder ini"
        ),
        "en": "profile.yaml leads outside the dossier folder (a link), so it is not read; copy the file in",
    },
    "yaml_syntax": {"id": "YAML tidak sah: {reason}", "en": "invalid YAML: {reason}"},
    "yaml_brackets": {
        "id": "baris {line}: kurung kurawal atau kurung siku tidak ditutup, atau ada koma tanpa nilai",
        "en": "line {line}: a brace or square bracket is not closed, or a comma has no value",
    },
    "yaml_unreadable": {
        "id": "baris {line} tidak dapat dibaca; periksa tanda kutip, titik dua, kurung dan indentasinya",
        "en": "line {line} cannot be read; check its quotes, colons, brackets and indentation",
    },
    "yaml_tab": {
        "id": "baris {line} diawali karakter tab; pakai spasi untuk indentasi",
        "en": "line {line} is indented with a tab; indent with spaces",
    },
    "yaml_unclosed_quote": {
        "id": "tanda kutip yang dibuka di baris {line} tidak ditutup; tutup dengan tanda kutip yang sama",
        "en": "the quote opened on line {line} is never closed; close it with the same quote mark",
    },
    "yaml_colon_in_value": {
        "id": "nilai di baris {line} berisi ':'; apit nilainya dengan tanda kutip, mis. name: \"UD Dodol: Nanas\"",
        "en": "the value on line {line} holds a ':'; put it in quotes, e.g. name: \"UD Dodol: Nanas\"",
    },
    "yaml_indentation": {
        "id": "indentasi baris {line} tidak sejajar; isian dalam satu bagian diawali jumlah spasi yang sama",
        "en": "line {line} is not indented like its neighbours; fields of one section start with the same spaces",
    },
    "yaml_missing_colon": {
        "id": "baris {line} bukan 'nama isian: nilai'; tulis titik dua sesudah nama isian",
        "en": "line {line} is not 'field: value'; write a colon after the field name",
    },
    "yaml_character": {
        "id": "baris {line} berisi karakter tak terlihat yang tidak diizinkan ({character}); hapus karakter itu",
        "en": "line {line} holds an invisible character that is not allowed ({character}); delete it",
    },
    "profile_is_spreadsheet": {
        "id": "berkas ini spreadsheet (Excel/ODS), bukan profil YAML; tulis tiap IKM sebagai profil .yaml "
        "(`ovopcheck init FOLDER` membuat contohnya)",
        "en": "this file is a spreadsheet (Excel/ODS), not a YAML profile; write each IKM as a .yaml profile "
        "(`ovopcheck init FOLDER` makes one to fill in)",
    },
    "profile_is_csv": {
        "id": "berkas ini tabel CSV, bukan profil YAML; tulis tiap IKM sebagai profil .yaml "
        "(`ovopcheck init FOLDER` membuat contohnya)",
        "en": "this file is a CSV table, not a YAML profile; write each IKM as a .yaml profile "
        "(`ovopcheck init FOLDER` makes one to fill in)",
    },
    "sheet_unknown_heading": {
        "id": "judul kolom '{heading}' bukan isian profil{hint}; ganti dengan nama isian (lihat "
        "`ovopcheck schema --fields` atau lembar Petunjuk templat) atau hapus kolomnya",
        "en": "the column heading '{heading}' names no profile field{hint}; write a field's name (see "
        "`ovopcheck schema --fields` or the template's instruction sheet) or delete the column",
    },
    "sheet_duplicate_heading": {
        "id": "kolom '{heading}' mengisi isian yang sama dengan kolom {first}; hapus salah satunya",
        "en": "the column '{heading}' fills the same field as column {first}; delete one of them",
    },
    "sheet_no_heading": {
        "id": "tidak ada baris judul kolom dengan nama isian profil di {rows} baris pertama lembar ({sheet}); "
        "tulis judul kolom seperti 'Nama usaha', 'NIB', 'Kabupaten/kota' (`ovopcheck init --spreadsheet "
        "rekap.xlsx` membuat templatnya)",
        "en": "no row of column headings naming profile fields in the first {rows} rows of the sheet ({sheet}); "
        "write headings such as 'Business name', 'NIB', 'Kabupaten/kota' (`ovopcheck init --spreadsheet "
        "rekap.xlsx` makes a template)",
    },
    "sheet_no_rows": {
        "id": "spreadsheet ini punya judul kolom tetapi belum ada baris IKM; isi satu IKM per baris di bawah "
        "judul kolom",
        "en": "this spreadsheet has column headings but no IKM row yet; fill one IKM a row under the headings",
    },
    "sheet_unreadable": {
        "id": "spreadsheet ini tidak dapat dibaca ({reason}); buka di Excel atau LibreOffice lalu simpan "
        "ulang sebagai .xlsx atau .csv",
        "en": "this spreadsheet cannot be read ({reason}); open it in Excel or LibreOffice and save it again "
        "as .xlsx or .csv",
    },
    "sheet_needs_openpyxl": {
        "id": "membaca .xlsx memerlukan paket openpyxl; pasang ulang ovopcheck",
        "en": "reading .xlsx needs the openpyxl package; install ovopcheck again",
    },
    "sheet_old_excel": {
        "id": "berkas ini format Excel lama (.xls); buka di Excel atau LibreOffice lalu simpan sebagai .xlsx",
        "en": "this file is in the old Excel format (.xls); open it in Excel or LibreOffice and save it as .xlsx",
    },
    "file_is_archive": {
        "id": "berkas ini arsip zip (atau dokumen Office lain), bukan profil atau spreadsheet .xlsx; ekstrak "
        "dulu, lalu periksa foldernya",
        "en": "this file is a zip archive (or another Office document), not a profile or an .xlsx spreadsheet; "
        "extract it first, then check the folder",
    },
    "sheet_locked": {
        "id": "spreadsheet ini tidak boleh dibaca; bila sedang dibuka di Excel, tutup dulu lalu periksa lagi",
        "en": "this spreadsheet may not be read; if it is open in Excel, close it and check again",
    },
    "sheet_is_ods": {
        "id": "berkas ini spreadsheet OpenDocument (.ods); simpan sebagai .xlsx atau .csv",
        "en": "this file is an OpenDocument spreadsheet (.ods); save it as .xlsx or .csv",
    },
    "sheet_too_large_unpacked": {
        "id": "isi workbook ini melebihi {limit} bita bila dibuka; bagi menjadi beberapa berkas",
        "en": "this workbook unpacks to more than {limit} bytes; split it into several files",
    },
    "sheet_too_many_rows": {
        "id": "lembar ini berisi lebih dari {limit} baris; baris sesudahnya tidak diperiksa, bagi menjadi "
        "beberapa berkas",
        "en": "this sheet has more than {limit} rows; the rows after them are not checked, split it into several files",
    },
    "sheet_entry_parts": {
        "id": "satu entri berisi {n} bagian yang dipisah '|', paling banyak {limit}; tulis satu entri per "
        "baris sel, bagiannya dipisah '|' (tulis \\| untuk tanda | di dalam nilai)",
        "en": "an entry has {n} parts separated by '|', at most {limit}; write one entry a line of the cell, "
        "its parts separated by '|' (write \\| for a | inside a value)",
    },
    "sheet.column": {"id": "kolom '{heading}'", "en": "column '{heading}'"},
    "sheet.numeric_cell": {
        "id": "; sel ini berformat angka, sehingga angka nol di depan hilang: format kolomnya sebagai Teks lalu "
        "ketik ulang nilainya",
        "en": "; the cell is formatted as a number, so leading zeros are lost: format the column as Text and "
        "type the value again",
    },
    "sheet.choose": {"id": "pilih salah satu: {choices}", "en": "choose one of: {choices}"},
    "sheet.date": {
        "id": "tanggal (mis. 2024-08-17 atau 17/08/2024)",
        "en": "a date (e.g. 2024-08-17 or 17/08/2024)",
    },
    "sheet.whole": {
        "id": "bilangan bulat tanpa pemisah, mis. 850000000",
        "en": "a whole number without separators, e.g. 850000000",
    },
    "sheet.number": {"id": "angka, mis. 55 atau 2,5", "en": "a number, e.g. 55 or 2.5"},
    "sheet.text": {"id": "teks", "en": "text"},
    "sheet.form_list": {
        "id": "satu nilai per baris sel (Alt+Enter), atau dipisah ';', mis. 13134; 13133",
        "en": "one value a line of the cell (Alt+Enter), or separated by ';', e.g. 13134; 13133",
    },
    "sheet.form_entries": {
        "id": "satu entri per baris sel (Alt+Enter) atau dipisah ';'; bagiannya dipisah '|': {parts}",
        "en": "one entry a line of the cell (Alt+Enter) or separated by ';'; its parts separated by '|': {parts}",
    },
    "sheet.howto_title": {"id": "Petunjuk pengisian rekap IKM untuk ovopcheck", "en": "How to fill the IKM sheet"},
    "sheet.howto_1": {
        "id": "Isi satu IKM per baris pada lembar IKM, mulai baris 2. Jangan ubah judul kolom; kolom yang tidak "
        "diperlukan boleh dihapus, dan kolom 'No' untuk nomor urut boleh ditambahkan.",
        "en": "Fill one IKM a row on the IKM sheet, from row 2. Keep the column headings; columns you do not need "
        "may be deleted, and a 'No' column for a running number may be added.",
    },
    "sheet.howto_2": {
        "id": "Sel yang dikosongkan dibaca sebagai 'belum diisi': kriterianya dilaporkan 'belum diketahui', "
        "bukan 'tidak terpenuhi'.",
        "en": "An empty cell is read as 'not filled in': its criteria are reported as unknown, never as not met.",
    },
    "sheet.howto_3": {
        "id": "NIB, KBLI dan kode pos ditulis sebagai teks (kolomnya sudah berformat teks), agar angka nol di "
        "depan tidak hilang. Rupiah dan jumlah ditulis sebagai bilangan bulat.",
        "en": "NIB, KBLI and postal codes are text (their columns are formatted as text) so that a leading zero "
        "is kept. Rupiah amounts and counts are whole numbers.",
    },
    "sheet.howto_4": {
        "id": "Daftar dalam satu sel: satu nilai per baris sel (Alt+Enter) atau dipisah ';'. Bahan baku dan "
        "entri lain: bagiannya dipisah '|', mis. 'kain mori | national | Pekalongan | 55'.",
        "en": "Lists in one cell: one value a line (Alt+Enter) or separated by ';'. Raw materials and other "
        "entries: parts separated by '|', e.g. 'kain mori | national | Pekalongan | 55'.",
    },
    "sheet.howto_5": {
        "id": "Periksa dengan: ovopcheck rekap.xlsx --program {programme} (hasil per IKM: -o xlsx:hasil.xlsx). "
        "Jadikan berkas usulan per IKM dengan: ovopcheck convert rekap.xlsx --to berkas/",
        "en": "Check with: ovopcheck rekap.xlsx --program {programme} (results per IKM: -o xlsx:hasil.xlsx). "
        "Make one dossier per IKM with: ovopcheck convert rekap.xlsx --to berkas/",
    },
    "sheet.howto_6": {
        "id": "Arti dan cara mengisi tiap kolom ada pada tabel di bawah; komentar pada judul kolom juga "
        "menjelaskannya.",
        "en": "Each column's meaning and how to fill it are in the table below; the comment on each heading "
        "says it too.",
    },
    "utf16_without_bom": {
        "id": "berkas tersimpan sebagai UTF-16 tanpa penanda BOM; simpan ulang sebagai UTF-8",
        "en": "the file is saved as UTF-16 without a byte-order mark; save it again as UTF-8",
    },
    "empty_document": {
        "id": "berkas kosong; `ovopcheck init FOLDER` membuat profil siap diisi beserta daftar dokumennya",
        "en": "the file is empty; `ovopcheck init FOLDER` makes a profile to fill in, with its list of documents",
    },
    "multiple_documents": {
        "id": "berkas berisi lebih dari satu dokumen YAML (---); satu profil per berkas",
        "en": "the file holds more than one YAML document (---); one profile per file",
    },
    "not_a_mapping": {
        "id": "isi berkas harus berupa pemetaan kunci: nilai, bukan {kind}",
        "en": "the file must hold a mapping of key: value, not a {kind}",
    },
    "alias_not_allowed": {
        "id": "alias YAML (*) tidak diizinkan; tulis nilainya secara langsung",
        "en": "YAML aliases (*) are not allowed; write the value out",
    },
    "merge_key_not_allowed": {
        "id": "kunci gabungan YAML (<<) tidak diizinkan; tulis kuncinya secara langsung",
        "en": "YAML merge keys (<<) are not allowed; write the keys out",
    },
    "tag_not_allowed": {
        "id": "tag YAML {tag} tidak diizinkan; hapus tag tersebut",
        "en": "YAML tag {tag} is not allowed; remove it",
    },
    "duplicate_key": {
        "id": "kunci '{key}' ditulis dua kali; hapus salah satunya",
        "en": "key '{key}' appears twice; remove one of them",
    },
    "more_problems": {
        "id": "… dan {n} masalah lain; perbaiki yang di atas lalu periksa lagi",
        "en": "… and {n} more problems; fix the ones above and check again",
    },
    "key_not_scalar": {"id": "kunci harus berupa teks", "en": "a key must be plain text"},
    "too_deep": {
        "id": "struktur bersarang terlalu dalam (lebih dari {limit} tingkat)",
        "en": "nesting is too deep (more than {limit} levels)",
    },
    "too_many_nodes": {
        "id": "berkas berisi terlalu banyak nilai (lebih dari {limit})",
        "en": "the file holds too many values (more than {limit})",
    },
    "scalar_too_long": {
        "id": "nilai terlalu panjang (lebih dari {limit} karakter)",
        "en": "a value is too long (more than {limit} characters)",
    },
    "schema_required": {"id": "isian wajib '{name}' tidak ada", "en": "required field '{name}' is missing"},
    "schema_unknown_key": {
        "id": "isian '{name}' tidak dikenal{hint}; periksa ejaannya (yang dikenal: {allowed})",
        "en": "unknown field '{name}'{hint}; check its spelling (known fields: {allowed})",
    },
    "schema_type": {
        "id": "harus bertipe {expected}, bukan {value}",
        "en": "must be of type {expected}, not {value}",
    },
    "schema_enum": {
        "id": "nilai {value} tidak sah; pilih salah satu: {options}",
        "en": "value {value} is not allowed; use one of: {options}",
    },
    "schema_pattern": {
        "id": "nilai {value} tidak sesuai pola {pattern}",
        "en": "value {value} does not match the pattern {pattern}",
    },
    "schema_nib": {
        "id": "NIB {value} harus tepat 13 angka",
        "en": "NIB {value} must be exactly 13 digits",
    },
    "schema_kbli": {"id": "kode KBLI {value} harus 5 angka", "en": "KBLI code {value} must be 5 digits"},
    "schema_pirt": {
        "id": "nomor P-IRT {value} harus 15 angka tanpa spasi atau tanda hubung",
        "en": "P-IRT number {value} must be 15 digits without spaces or dashes",
    },
    "schema_bpom": {
        "id": "nomor BPOM {value} harus 'MD' diikuti 12 angka",
        "en": "BPOM number {value} must be 'MD' followed by 12 digits",
    },
    "schema_date": {
        "id": "tanggal {value} tidak sah; tulis TTTT-BB-HH dengan tanggal yang ada di kalender",
        "en": "date {value} is not valid; write YYYY-MM-DD with a day that exists",
    },
    "schema_minimum": {"id": "nilai {value} lebih kecil dari {limit}", "en": "value {value} is below {limit}"},
    "schema_maximum": {"id": "nilai {value} lebih besar dari {limit}", "en": "value {value} is above {limit}"},
    "schema_exclusiveMinimum": {
        "id": "nilai {value} harus lebih dari {limit}",
        "en": "value {value} must be more than {limit}",
    },
    "schema_exclusiveMaximum": {
        "id": "nilai {value} harus kurang dari {limit}",
        "en": "value {value} must be less than {limit}",
    },
    "schema_minLength": {"id": "teks terlalu pendek (minimal {limit})", "en": "text too short (at least {limit})"},
    "schema_maxLength": {"id": "teks terlalu panjang (maksimal {limit})", "en": "text too long (at most {limit})"},
    "schema_minItems": {"id": "daftar terlalu pendek (minimal {limit})", "en": "list too short (at least {limit})"},
    "schema_maxItems": {"id": "daftar terlalu panjang (maksimal {limit})", "en": "list too long (at most {limit})"},
    "schema_uniqueItems": {"id": "daftar berisi nilai ganda", "en": "the list repeats a value"},
    "schema_other": {"id": "tidak sah: {detail}", "en": "not valid: {detail}"},
    # --- values written the officer's way that cannot be read safely: what to write instead
    "form_amount_words": {
        "id": "jumlah '{value}' ditulis dengan kata; tulis angkanya saja, tanpa titik: {write}",
        "en": "the amount '{value}' is written in words; write the figure alone, without dots: {write}",
    },
    "form_integer": {
        "id": "'{value}' bukan bilangan bulat; tulis angka saja, mis. {write} (titik ribuan dan 'Rp' boleh)",
        "en": "'{value}' is not a whole number; write digits only, e.g. {write} (thousands dots and 'Rp' are fine)",
    },
    "form_number": {
        "id": "'{value}' bukan angka; tulis mis. {write} atau 2,5",
        "en": "'{value}' is not a number; write e.g. {write} or 2.5",
    },
    "form_ambiguous_number": {
        "id": "'{value}' bisa berarti {a} atau {b}; tulis salah satunya persis seperti itu",
        "en": "'{value}' could mean {a} or {b}; write the one you mean exactly so",
    },
    "form_boolean": {
        "id": "'{value}' bukan ya atau tidak; tulis ya atau tidak",
        "en": "'{value}' is not yes or no; write ya (yes) or tidak (no)",
    },
    "form_date": {
        "id": "'{value}' bukan tanggal yang dikenali; tulis TTTT-BB-HH, mis. 2024-08-17 atau 17-08-2024",
        "en": "'{value}' is not a date that can be read; write YYYY-MM-DD, e.g. 2024-08-17 or 17-08-2024",
    },
    "form_date_impossible": {
        "id": "tanggal '{value}' tidak ada di kalender; periksa hari dan bulannya (TTTT-BB-HH, mis. {write})",
        "en": "the date '{value}' is not in the calendar; check its day and month (YYYY-MM-DD, e.g. {write})",
    },
    "form_date_month_first": {
        "id": "'{value}' tidak bisa dibaca hari-bulan-tahun; jika maksudnya bulan lebih dulu, tulis {write}",
        "en": "'{value}' cannot be read day-month-year; if the month comes first, write {write}",
    },
    "form_date_short_year": {
        "id": "tahun pada '{value}' hanya 2 angka; tulis tanggal lengkap TTTT-BB-HH: {write}",
        "en": "the year in '{value}' has only 2 digits; write the full date YYYY-MM-DD: {write}",
    },
    "form_digits": {
        "id": "'{value}' berisi {found} angka; harus tepat {n} angka",
        "en": "'{value}' holds {found} digits; it must be exactly {n} digits",
    },
    "form_choice": {
        "id": "'{value}' bukan pilihan yang dikenal{hint}; pilih salah satu: {options}",
        "en": "'{value}' is not a known choice{hint}; choose one of: {options}",
    },
    "config_toml": {"id": "pyproject.toml tidak sah: {reason}", "en": "pyproject.toml is not valid: {reason}"},
    "criteria_condition": {"id": "kondisi tidak sah: {reason}", "en": "invalid condition: {reason}"},
    "criteria_duplicate_id": {"id": "id kriteria '{id}' dipakai dua kali", "en": "criterion id '{id}' is used twice"},
    # --- documents
    "doc.nib": {"id": "cetakan NIB", "en": "NIB print-out"},
    "doc.industry_licence": {"id": "izin usaha industri (IUI/TDI)", "en": "industrial business licence (IUI/TDI)"},
    "doc.sentra_decree": {"id": "SK penetapan sentra", "en": "sentra decree (SK)"},
    "doc.spp_irt": {"id": "sertifikat SPP-IRT", "en": "SPP-IRT certificate"},
    "doc.bpom_md": {"id": "izin edar BPOM MD", "en": "BPOM MD registration"},
    "doc.halal_certificate": {"id": "sertifikat halal", "en": "halal certificate"},
    "doc.lab_report": {"id": "laporan hasil uji laboratorium", "en": "laboratory test report"},
    "doc.proposal_letter": {"id": "surat usulan Dinas", "en": "Dinas proposal letter"},
    "doc.product_photo": {"id": "foto produk", "en": "product photo"},
    "doc.other": {"id": "dokumen lain", "en": "other document"},
    "docproblem.missing": {"id": "tidak ada di berkas usulan", "en": "not in the dossier"},
    "docproblem.outside": {
        "id": "path mengarah ke luar folder berkas usulan",
        "en": "the path leads outside the dossier folder",
    },
    "docproblem.absolute": {
        "id": "path absolut tidak diizinkan; tulis path relatif",
        "en": "absolute paths are not allowed; write a relative path",
    },
    "docproblem.not_found": {"id": "berkas tidak ditemukan", "en": "file not found"},
    "docproblem.not_regular": {
        "id": "bukan berkas biasa (folder, FIFO, perangkat atau tautan rusak)",
        "en": "not a regular file (folder, FIFO, device or broken link)",
    },
    "docproblem.empty": {"id": "berkas kosong", "en": "the file is empty"},
    "docproblem.too_large": {"id": "berkas lebih dari 20 MiB", "en": "the file is larger than 20 MiB"},
    "docproblem.over_budget": {
        "id": (
            "tidak diperiksa: dokumen berkas usulan ini melebihi 200 MiB seluruhnya; pisahkan atau perkecil dokumennya"
        ),
        "en": "not inspected: this dossier's documents exceed 200 MiB in all; split or shrink the documents",
    },
    "docproblem.unreadable": {"id": "berkas tidak dapat dibaca", "en": "the file cannot be read"},
    "docproblem.wrong_type": {
        "id": "isi berkas bukan jenis yang diharapkan (terbaca: {detail})",
        "en": "the content is not of the expected type (found: {detail})",
    },
    "docproblem.hash_mismatch": {
        "id": "SHA-256 berkas tidak cocok dengan yang dicatat",
        "en": "the file's SHA-256 does not match the recorded one",
    },
    "docproblem.bad_number": {
        "id": "nomor {detail} tidak sesuai format jenis dokumen ini",
        "en": "number {detail} does not have this document type's format",
    },
    "docproblem.pirt_year_mismatch": {
        "id": "dua angka terakhir P-IRT ({detail}) tidak sama dengan tahun berakhir",
        "en": "the last two P-IRT digits ({detail}) do not match the expiry year",
    },
    "docproblem.number_differs": {
        "id": "nomornya berbeda dari yang tercantum di profil ({detail})",
        "en": "its number differs from the profile's ({detail})",
    },
    "docproblem.not_yet_valid": {"id": "baru berlaku mulai {detail}", "en": "only valid from {detail}"},
    "docproblem.expired": {"id": "masa berlaku berakhir {detail}", "en": "expired on {detail}"},
    "report.documents": {"id": "Dokumen berkas usulan", "en": "Dossier documents"},
    "report.documents_lone": {
        "id": "Dokumen tidak diperiksa: ini profil tunggal. Periksa folder berkas usulan untuk memeriksa dokumennya.",
        "en": "Documents not checked: this is a lone profile. Check the dossier folder to verify its documents.",
    },
    "report.evidence_gap": {"id": "bawa {doc}: {reason}", "en": "bring the {doc}: {reason}"},
    "report.evidence_bad": {
        "id": "{doc} ({path}) tidak sah: {reason}",
        "en": "the {doc} ({path}) is not valid: {reason}",
    },
    "report.evidence_ok": {"id": "dibuktikan oleh {path}", "en": "backed by {path}"},
    "report.evidence_unknown": {"id": "dokumen belum diperiksa: {doc}", "en": "document not verified: {doc}"},
    "report.doc_ok": {"id": "sah", "en": "valid"},
    # --- report
    "status.met": {"id": "TERPENUHI", "en": "MET"},
    "status.gap": {"id": "KURANG", "en": "GAP"},
    "status.unknown": {"id": "BELUM DIKETAHUI", "en": "UNKNOWN"},
    "status.not_applicable": {"id": "TIDAK BERLAKU", "en": "N/A"},
    "status.waived": {"id": "DIKECUALIKAN ({status})", "en": "WAIVED ({status})"},
    "verdict.waived": {"id": "{n} dikecualikan", "en": "{n} waived"},
    "report.waived": {
        "id": "dikecualikan: {why} (disetujui {who}, berlaku sampai {until})",
        "en": "waived: {why} (approved by {who}, until {until})",
    },
    "report.waiver_expired": {
        "id": "pengecualian berakhir {until} dan tidak berlaku lagi",
        "en": "a waiver expired on {until} and no longer applies",
    },
    "kind.gate": {"id": "syarat", "en": "gate"},
    "kind.scored": {"id": "nilai", "en": "scored"},
    "kind.advisory": {"id": "saran", "en": "advisory"},
    "verdict.eligible": {"id": "LAYAK DIUSULKAN", "en": "ELIGIBLE TO BE PROPOSED"},
    "verdict.not_eligible": {"id": "BELUM LAYAK", "en": "NOT YET ELIGIBLE"},
    "verdict.incomplete": {
        "id": "BELUM LAYAK (informasi belum lengkap)",
        "en": "NOT YET ELIGIBLE (information missing)",
    },
    "verdict.invalid": {"id": "TIDAK DAPAT DIPERIKSA", "en": "COULD NOT BE CHECKED"},
    "verdict.counts": {"id": "{gaps} kekurangan, {unknown} belum diketahui", "en": "{gaps} gaps, {unknown} unknown"},
    "verdict.counts_one_gap": {
        "id": "{gaps} kekurangan, {unknown} belum diketahui",
        "en": "{gaps} gap, {unknown} unknown",
    },
    "report.checked": {"id": "Diperiksa", "en": "Checked"},
    "report.programme": {"id": "Program", "en": "Programme"},
    "report.place": {"id": "Lokasi", "en": "Location"},
    "report.programme_from.declared": {
        "id": "sesuai isian programme di profil",
        "en": "as the profile's programme field says",
    },
    "report.programme_from.nominee": {
        "id": "profil ini berisi bagian nominee: usulan Penghargaan Upakarti",
        "en": "the profile has a nominee section: an Upakarti nomination",
    },
    "report.readings": {
        "id": "Nilai yang dibaca dari cara penulisan petugas",
        "en": "Values read as officers write them",
    },
    "report.reading": {
        "id": "{field} (baris {line}): '{written}' dibaca sebagai {value}",
        "en": "{field} (line {line}): '{written}' read as {value}",
    },
    "report.readings_hint": {
        "id": "{n} nilai ditulis dengan cara lain dan dibaca ulang; -v menampilkan cara membacanya",
        "en": "{n} values were written another way and read again; -v shows how",
    },
    "report.file": {"id": "Berkas", "en": "File"},
    "report.col_ikm": {"id": "IKM", "en": "IKM"},
    "report.col_kabupaten": {"id": "Kabupaten/kota", "en": "Kabupaten/kota"},
    "report.col_commodity": {"id": "Komoditi", "en": "Commodity"},
    "report.col_first_obstacle": {"id": "Kekurangan pertama", "en": "First obstacle"},
    "xlsx.col.file": {"id": "berkas", "en": "file"},
    "xlsx.col.name": {"id": "nama IKM", "en": "IKM name"},
    "xlsx.col.nib": {"id": "NIB", "en": "NIB"},
    "xlsx.col.kabupaten_kota": {"id": "kabupaten/kota", "en": "kabupaten/kota"},
    "xlsx.col.provinsi": {"id": "provinsi", "en": "provinsi"},
    "xlsx.col.region_code": {"id": "kode wilayah", "en": "region code"},
    "xlsx.col.commodity_group": {"id": "kelompok komoditi", "en": "commodity group"},
    "xlsx.col.programme": {"id": "program", "en": "programme"},
    "xlsx.col.verdict": {"id": "kesimpulan", "en": "verdict"},
    "xlsx.col.gaps": {"id": "jumlah kekurangan", "en": "gaps"},
    "xlsx.col.unknowns": {"id": "jumlah belum diketahui", "en": "unknowns"},
    "xlsx.col.blocking_gaps": {"id": "kekurangan yang menghalangi", "en": "blocking gaps"},
    "xlsx.col.to_fill_in": {"id": "isian yang perlu dilengkapi", "en": "to fill in"},
    "xlsx.col.readiness_points": {"id": "poin kesiapan", "en": "readiness points"},
    "xlsx.col.readiness": {"id": "skor kesiapan", "en": "readiness score"},
    "xlsx.col.problems": {"id": "masalah berkas", "en": "file problems"},
    "xlsx.col.criterion": {"id": "id kriteria", "en": "criterion id"},
    "xlsx.col.title": {"id": "kriteria", "en": "criterion"},
    "xlsx.col.kind": {"id": "jenis", "en": "kind"},
    "xlsx.col.status": {"id": "hasil", "en": "outcome"},
    "xlsx.col.message": {"id": "keterangan", "en": "message"},
    "summary.total": {"id": "Jumlah", "en": "Total"},
    "summary.not_given": {"id": "(belum diisi)", "en": "(not given)"},
    "summary.by_provinsi": {"id": "Provinsi", "en": "Provinsi"},
    "report.region": {"id": "Wilayah", "en": "Region"},
    "summary.from": {"id": "(tidak terbaca) {origin}", "en": "(unreadable) {origin}"},
    "summary.region_notes": {
        "id": "Nama wilayah yang perlu diperiksa terhadap daftar Kemendagri ({n})",
        "en": "Region names to check against the Kemendagri list ({n})",
    },
    "region.unknown_kabupaten": {
        "id": "kabupaten/kota '{name}' tidak ada dalam daftar wilayah Kemendagri{hint}; periksa ejaannya "
        "(kecamatan dan desa ditulis di isiannya sendiri)",
        "en": "kabupaten/kota '{name}' is not on the Kemendagri list of regions{hint}; check its spelling "
        "(kecamatan and desa have fields of their own)",
    },
    "region.ambiguous_kabupaten": {
        "id": "'{name}' bisa berarti {suggestion}; tulis 'Kabupaten ...' atau 'Kota ...'",
        "en": "'{name}' could be {suggestion}; write 'Kabupaten ...' or 'Kota ...'",
    },
    "region.unknown_provinsi": {
        "id": "provinsi '{name}' tidak ada dalam daftar wilayah Kemendagri{hint}",
        "en": "provinsi '{name}' is not on the Kemendagri list of regions{hint}",
    },
    "region.other_provinsi": {
        "id": "{kabupaten} ada di provinsi {suggestion}, bukan '{name}'; periksa provinsinya",
        "en": "{kabupaten} is in provinsi {suggestion}, not '{name}'; check the provinsi",
    },
    "report.col_gaps": {"id": "Kekurangan", "en": "Gaps"},
    "report.col_unknown": {"id": "Belum diketahui", "en": "Unknown"},
    "report.col_criteria": {"id": "Kriteria", "en": "Criteria"},
    "report.exit_code": {"id": "kode keluar {code}", "en": "exit code {code}"},
    "report.regime": {"id": "Dasar hukum", "en": "Legal regime"},
    "report.period_inferred": {"id": " (tanggal mulai disimpulkan)", "en": " (start day inferred)"},
    "report.as_of": {"id": "Per tanggal", "en": "As of"},
    "report.class": {"id": "Skala usaha", "en": "Business scale"},
    "report.class_unknown": {"id": "belum diketahui (isi {fields})", "en": "unknown (fill in {fields})"},
    "report.col_status": {"id": "Hasil", "en": "Outcome"},
    "report.col_criterion": {"id": "Kriteria", "en": "Criterion"},
    "report.basis": {"id": "Dasar", "en": "Basis"},
    "report.article_unknown": {"id": "pasal tidak ditemukan", "en": "article not found"},
    # How sure a criterion's source is (regulations.md): the tags, in words.
    "report.basis_from": {"id": " (sejak {start})", "en": " (from {start})"},
    "report.basis_until": {"id": " (sampai {end})", "en": " (until {end})"},
    "report.basis_between": {"id": " ({start} sampai {end})", "en": " ({start} to {end})"},
    "report.basis_also": {"id": "; juga: {others}", "en": "; also: {others}"},
    "tag.legal": {"id": "peraturan", "en": "legal"},
    "tag.official": {"id": "resmi", "en": "official"},
    "tag.practice": {"id": "praktik", "en": "practice"},
    "tag.historic-form": {"id": "formulir lama", "en": "historic form"},
    "tag.inferred": {"id": "disimpulkan", "en": "inferred"},
    "report.fill_in": {"id": "Lengkapi: {fields}", "en": "Fill in: {fields}"},
    "report.not_in_force": {"id": "tidak berlaku pada tanggal ini", "en": "not in force on this date"},
    "report.does_not_apply": {"id": "tidak berlaku untuk profil ini", "en": "does not apply to this profile"},
    "report.for_assessor": {
        "id": "{title} belum berlaku pada tanggal ini (berlaku sejak {start}{inferred}); tidak ada angka yang dapat "
        "memutuskannya: penilai yang menentukan",
        "en": "{title} was not yet in force on this date (in force from {start}{inferred}); no figure can decide "
        "it: the assessor decides",
    },
    "report.for_assessor_ended": {
        "id": "{title} sudah tidak berlaku pada tanggal ini (berlaku sampai {end}); penilai yang menentukan",
        "en": "{title} was no longer in force on this date (in force until {end}); the assessor decides",
    },
    "report.inferred_day": {"id": ", tanggal disimpulkan", "en": ", the day inferred"},
    "report.assessor_summary": {
        "id": "{n} hal diputuskan penilai; lihat langkah berikutnya",
        "en": "{n} for the assessor to decide; see the next steps",
    },
    "report.assessor": {"id": "penilaian akhir oleh asesor", "en": "final judgment by the assessor"},
    "report.kind": {"id": "Jenis", "en": "Kind"},
    "report.in_force": {"id": "Berlaku", "en": "In force"},
    "report.fields": {"id": "Isian profil yang dibaca", "en": "Profile fields read"},
    "cli.programme_not_yet": {
        "id": "tidak ada aturan program {programme} yang berlaku pada {date}: aturan pertamanya berlaku sejak "
        "{starts}; periksa dengan --as-of {starts} atau sesudahnya",
        "en": "no rules of the {programme} programme were in force on {date}: its first rules apply from {starts}; "
        "check with --as-of {starts} or later",
    },
    "cli.no_set_in_force": {
        "id": "tidak ada kriteria program '{programme}'{hint} yang berlaku pada {date} (tersedia: {known})",
        "en": "no criteria for programme '{programme}'{hint} in force on {date} (available: {known})",
    },
    "cli.unknown_classification": {
        "id": "{source}: klasifikasi '{id}' tidak didefinisikan di berkas kriteria mana pun",
        "en": "{source}: classification '{id}' is not defined in any criteria file",
    },
    "cli.workers_failing": {
        "id": "proses pemeriksa berhenti pada {n} berkas berturut-turut, bukan karena berkasnya; coba --jobs 1",
        "en": "worker processes ended on {n} files in a row, not because of the files; try --jobs 1",
    },
    "cli.waiver_unknown_criterion": {
        "id": (
            "{where}: pengecualian (waiver) untuk kriteria '{criterion}' tidak mengecualikan apa pun: tidak ada"
            " kriteria dengan id itu{hint}"
        ),
        "en": "{where}: the waiver for criterion '{criterion}' waives nothing: no criterion has that id{hint}",
    },
    "cli.waiver_matches_nothing": {
        "id": (
            "{where}: pengecualian (waiver) untuk '{criterion}' dengan profile '{pattern}' tidak cocok dengan"
            " berkas mana pun yang diperiksa"
        ),
        "en": "{where}: the waiver for '{criterion}' with profile '{pattern}' matched no file that was checked",
    },
    "cli.strict_failed": {
        "id": "--strict: pengaturan yang tidak berpengaruh dianggap galat; perbaiki atau hapus",
        "en": "--strict: a setting that does nothing is an error; correct it or remove it",
    },
    "help.strict": {
        "id": "Anggap pengaturan yang tidak berpengaruh (waiver tanpa kriteria atau berkas) sebagai galat (kode 2).",
        "en": "Treat settings that do nothing (a waiver naming no criterion or no file) as errors (exit code 2).",
    },
    "cli.nothing_found": {
        "id": "tidak ada profil (*.yaml) atau berkas usulan (folder dengan profile.yaml) di {paths}",
        "en": "no profile (*.yaml) or dossier (a folder with profile.yaml) found under {paths}",
    },
    "cli.init_programme": {
        "id": "program '{programme}' tidak dikenal untuk init (tersedia: {known})",
        "en": "unknown programme '{programme}' for init (available: {known})",
    },
    "cli.init_created": {"id": "dibuat: {path}", "en": "created: {path}"},
    "cli.init_what": {
        "id": "sebutkan FOLDER berkas usulan yang dibuat, atau --spreadsheet rekap.xlsx untuk templat spreadsheet",
        "en": "name the dossier FOLDER to create, or --spreadsheet rekap.xlsx for a spreadsheet template",
    },
    "cli.init_xlsx": {
        "id": "templat spreadsheet ditulis sebagai workbook Excel: akhiri namanya dengan .xlsx (bukan {path})",
        "en": "the spreadsheet template is an Excel workbook: end its name in .xlsx (not {path})",
    },
    "cli.convert_exists": {
        "id": "{path} sudah ada dan tidak akan ditimpa; pilih nama lain",
        "en": "{path} already exists and will not be written over; choose another name",
    },
    "cli.convert_not_folder": {
        "id": "{path} adalah berkas, bukan folder; tujuan berkas usulan harus folder (atau akhiri dengan .xlsx/.csv)",
        "en": "{path} is a file, not a folder; dossiers go to a folder (or end the name in .xlsx/.csv)",
    },
    "cli.convert_made": {"id": "dibuat: {path} ({n} IKM)", "en": "created: {path} ({n} IKM)"},
    "cli.convert_nothing": {
        "id": "tidak ada IKM yang dapat diubah; workbook tidak dibuat",
        "en": "no IKM could be converted; no workbook was written",
    },
    "cli.init_skipped": {
        "id": "sudah ada, tidak ditimpa: {path}",
        "en": "already exists, not overwritten: {path}",
    },
    "cli.unknown_base": {
        "id": "{source}: set dasar '{base}' yang diperluas tidak ditemukan",
        "en": "{source}: the extended base set '{base}' was not found",
    },
    "report.variant": {"id": "Kategori", "en": "Category"},
    "report.assumed": {
        "id": "{value} (diasumsikan: profil tidak menyebut kategori, maka setiap kategori diperiksa)",
        "en": "{value} (assumed: the profile names no category, so each one is checked)",
    },
    "report.facts": {
        "id": "Informasi program (bukan syarat)",
        "en": "About the programme (information, not requirements)",
    },
    "report.readiness": {
        "id": "Skor kesiapan (formulir seleksi OVOP lama, penerbit tidak diketahui; bukan syarat)",
        "en": "Readiness score (historic OVOP selection form, issuer unknown; never blocks)",
    },
    "report.overall": {"id": "Kesimpulan keseluruhan", "en": "Overall"},
    "report.eligible_in": {
        "id": "layak diusulkan untuk {categories}",
        "en": "eligible to be proposed for {categories}",
    },
    "report.eligible_in_none": {"id": "belum layak untuk kategori mana pun", "en": "not yet eligible for any category"},
    "report.gain": {"id": "+{n} poin", "en": "+{n} points"},
    "report.gain.one": {"id": "+{n} poin", "en": "+{n} point"},
    "report.gain_up_to": {"id": "hingga +{n} poin", "en": "up to +{n} points"},
    "report.gain_up_to.one": {"id": "hingga +{n} poin", "en": "up to +{n} point"},
    "html.source": {"id": "sumber", "en": "source"},
    "report.total": {"id": "Jumlah", "en": "Total"},
    "report.unscored": {"id": "({n} indikator belum dapat dinilai)", "en": "({n} indicators not scored yet)"},
    "report.unscored.one": {"id": "({n} indikator belum dapat dinilai)", "en": "({n} indicator not scored yet)"},
    "report.not_scored": {"id": "belum dinilai", "en": "not scored yet"},
    "report.total_recovered": {
        "id": "{points} dari {max} poin yang terpulihkan",
        "en": "{points} of the {max} recovered points",
    },
    "report.total_not_scored": {
        "id": "belum dinilai: {n} indikator menunggu isian",
        "en": "not scored yet: {n} indicators wait for information",
    },
    "report.total_not_scored.one": {
        "id": "belum dinilai: {n} indikator menunggu isian",
        "en": "not scored yet: {n} indicator waits for information",
    },
    "report.no_stars": {
        "id": "Tidak ada perkiraan bintang: batas skor tiap bintang tidak ditemukan dalam sumber resmi.",
        "en": "No star estimate: the score for each star was not found in any official source.",
    },
    "report.stars_unknown": {
        "id": "Bintang belum dapat dihitung: lengkapi indikator yang belum dinilai.",
        "en": "Stars cannot be computed yet: fill in the indicators not scored.",
    },
    "report.stars": {"id": "Perkiraan bintang: {stars}", "en": "Star estimate: {stars}"},
    "summary.title": {"id": "Ringkasan {n} berkas", "en": "Summary of {n} files"},
    "summary.by_commodity": {"id": "Kelompok komoditi", "en": "Commodity group"},
    "summary.by_kabupaten": {"id": "Kabupaten/kota", "en": "Kabupaten/kota"},
    "summary.top_gaps": {
        "id": "Syarat yang paling sering belum terpenuhi (bahan pembinaan)",
        "en": "Gates failed most often (what to coach)",
    },
    "summary.top_unknowns": {
        "id": "Informasi yang paling sering belum diisi",
        "en": "Information most often missing",
    },
    "summary.invalid": {"id": "{n} berkas tidak dapat diperiksa", "en": "{n} files could not be checked"},
    "summary.more_rows": {
        "id": "… dan {n} berkas lagi (lihat laporan json/csv untuk semuanya)",
        "en": "… and {n} more files (see the json or csv report for all of them)",
    },
    "summary.files": {"id": "berkas", "en": "files"},
    "summary.col.eligible": {"id": "layak", "en": "eligible"},
    "summary.col.not_eligible": {"id": "kurang", "en": "gaps"},
    "summary.col.incomplete": {"id": "belum lengkap", "en": "missing info"},
    "summary.col.invalid": {"id": "tidak sah", "en": "invalid"},
    "worker_lost": {
        "id": "proses yang memeriksa berkas ini berhenti mendadak (kehabisan memori?); berkas lain tetap diperiksa",
        "en": "the process checking this file ended abruptly (out of memory?); the other files were checked",
    },
    "internal_error": {
        "id": "kesalahan internal ovopcheck saat memeriksa berkas ini ({error}); mohon laporkan",
        "en": "ovopcheck failed on this file ({error}); please report it",
    },
    "report.advice": {"id": "Saran", "en": "Advice"},
    "report.points": {"id": "{points} dari {max} poin", "en": "{points} of {max} points"},
    "report.verdict": {"id": "Kesimpulan", "en": "Verdict"},
    "report.next_steps": {"id": "Langkah berikutnya", "en": "Next steps"},
    "steps.documents": {"id": "Dokumen yang perlu dibawa", "en": "Documents to bring"},
    "steps.fill": {"id": "Isian yang perlu dilengkapi", "en": "Information to fill in"},
    "steps.fix": {"id": "Yang perlu dipenuhi", "en": "What to meet"},
    "steps.advice": {"id": "Saran (tidak menghalangi usulan)", "en": "Advice (does not block the proposal)"},
    "steps.assessor": {"id": "Untuk diputuskan penilai", "en": "For the assessor to decide"},
    "steps.points": {"id": "Poin kesiapan yang bisa ditambah", "en": "Readiness points to gain"},
    "steps.where_line": {"id": "{path}, baris {line}", "en": "{path}, line {line}"},
    "steps.where_cell": {"id": "{path}, sel {cell}", "en": "{path}, cell {cell}"},
    "steps.where_add_column": {
        "id": "{path}, baris {line}; tambahkan kolom '{heading}'",
        "en": "{path}, row {line}; add a column '{heading}'",
    },
    "steps.classification": {"id": "isian yang menentukan {name}", "en": "the fields that decide {name}"},
    "report.unknown_summary": {
        "id": "{n} isian belum diisi; lihat langkah berikutnya",
        "en": "{n} fields are not filled in; see the next steps",
    },
    "status.advice": {"id": "SARAN", "en": "ADVICE"},
    "oserror.ENOENT": {"id": "folder atau berkas tidak ada", "en": "no such file or folder"},
    "oserror.EACCES": {"id": "tidak ada izin", "en": "permission denied"},
    "oserror.EPERM": {"id": "tidak diizinkan", "en": "not permitted"},
    "oserror.EISDIR": {"id": "ini folder, bukan berkas", "en": "this is a folder, not a file"},
    "oserror.ENOTDIR": {"id": "bagian jalurnya bukan folder", "en": "part of the path is not a folder"},
    "oserror.ENOSPC": {"id": "ruang disk habis", "en": "no space left on the disk"},
    "oserror.EROFS": {"id": "disk hanya-baca", "en": "read-only disk"},
    "oserror.ELOOP": {"id": "tautan simbolik berputar", "en": "symbolic links go round in a loop"},
    "oserror.ENAMETOOLONG": {"id": "nama terlalu panjang", "en": "name too long"},
    # --- help of the command line, in the language resolved before parsing (--lang, OVOPCHECK_LANG, locale)
    "help.app": {
        "id": "Periksa profil IKM terhadap kriteria Penghargaan OVOP dan Upakarti Kemenperin dan cetak laporan "
        "terpenuhi/kekurangan beserta dasar hukumnya.\n\n`ovopcheck PROFIL.yaml ...` sama dengan `ovopcheck check "
        "PROFIL.yaml ...`.",
        "en": "Check IKM profiles against Kemenperin's OVOP and Upakarti criteria and print a pass/gap report with the "
        "legal basis.\n\n`ovopcheck PROFILE.yaml ...` is short for `ovopcheck check PROFILE.yaml ...`.",
    },
    "help.criteria_app": {
        "id": "Alat untuk pemelihara berkas kriteria.",
        "en": "Tools for those who maintain criteria files.",
    },
    "help.version": {"id": "Tampilkan versi.", "en": "Show the version."},
    "help.exit_codes": {
        "id": "Kode keluar:\n"
        " 0  semua berkas diperiksa dan layak diusulkan\n"
        " 1  sudah diperiksa, belum layak: ada kekurangan atau informasi belum lengkap\n"
        " 2  tidak dapat diperiksa: salah perintah, berkas tidak terbaca atau tidak sah",
        "en": "Exit codes:\n"
        " 0  every file checked and eligible\n"
        " 1  checked, not yet eligible: gaps or missing information\n"
        " 2  could not check: usage error, unreadable or invalid input",
    },
    "help.check": {
        "id": "Periksa profil IKM atau folder berkas usulan dan laporkan, untuk tiap berkas, apa yang terpenuhi dan "
        "apa yang kurang.",
        "en": "Check IKM profiles or dossier folders and report, for each, what is met and what is missing.",
    },
    "help.check_short": {
        "id": "Periksa profil atau folder berkas usulan (perintah bawaan).",
        "en": "Check profiles or dossier folders (the default command).",
    },
    "help.stdin_name": {
        "id": "Nama untuk profil yang dibaca dari masukan standar (`-`) di laporan dan pesan (bawaan: <stdin>).",
        "en": "The name a profile read from standard input (`-`) goes by in reports and messages (default: <stdin>).",
    },
    "help.color": {
        "id": "Warna: auto (bawaan: mengikuti terminal, NO_COLOR dan FORCE_COLOR), always atau never.",
        "en": "Colour: auto (default: the terminal, NO_COLOR and FORCE_COLOR decide), always or never.",
    },
    "help.only_profiles": {
        "id": "Dari berkas YAML yang diberikan, periksa hanya yang berupa profil menurut isinya (untuk pre-commit); "
        "berkas kriteria atau konfigurasi dilewati, berkas rusak tetap diperiksa.",
        "en": "Of the YAML files given, check only those that are profiles by their content (for pre-commit); "
        "criteria or configuration files are left out, broken files are still checked.",
    },
    "help.no_output": {
        "id": "Jangan menulis berkas laporan, apa pun kata konfigurasi (untuk pre-commit).",
        "en": "Write no report files, whatever the configuration says (for pre-commit).",
    },
    "help.bom": {
        "id": "Awali keluaran CSV dengan penanda BOM UTF-8, agar Excel membacanya sebagai UTF-8.",
        "en": "Start CSV outputs with a UTF-8 byte-order mark, so Excel reads them as UTF-8.",
    },
    "help.delimiter": {
        "id": "Pemisah kolom keluaran CSV: ',' (bawaan) atau ';' (Excel berbahasa Indonesia memakai ';').",
        "en": "Column separator of CSV outputs: ',' (the default) or ';' (what Excel uses in an Indonesian locale).",
    },
    "help.list_files": {
        "id": "Cetak berkas yang akan diperiksa, satu per baris, tanpa memeriksanya.",
        "en": "Print the files a run would check, one per line, without checking them.",
    },
    "help.completion": {
        "id": "Cetak skrip pelengkapan otomatis (tab) untuk shell: bash, zsh, fish atau powershell.",
        "en": "Print the tab-completion script for a shell: bash, zsh, fish or powershell.",
    },
    "help.completion_short": {
        "id": "Cetak skrip pelengkapan otomatis untuk shell.",
        "en": "Print a shell completion script.",
    },
    "help.shell": {"id": "Shell yang dipakai.", "en": "The shell."},
    "help.metavar_paths": {"id": "BERKAS_ATAU_FOLDER...", "en": "FILE_OR_FOLDER..."},
    "help.metavar_files": {"id": "BERKAS...", "en": "FILE..."},
    "help.metavar_set": {"id": "SET", "en": "SET"},
    "help.metavar_criterion": {"id": "KRITERIA", "en": "CRITERION"},
    "help.metavar_folder": {"id": "FOLDER", "en": "FOLDER"},
    "help.metavar_target": {"id": "FOLDER_ATAU_BERKAS.xlsx", "en": "FOLDER_OR_FILE.xlsx"},
    "help.convert": {
        "id": "Ubah IKM antara spreadsheet dan folder berkas usulan, dua arah. --to rekap.xlsx (atau .csv) "
        "menghimpun profil, folder berkas usulan dan spreadsheet menjadi satu workbook, satu IKM per baris; "
        "--to FOLDER membuat satu folder berkas usulan dengan profile.yaml per IKM, dinamai dari nama usaha. "
        "Tidak ada yang ditimpa: workbook yang sudah ada ditolak, nama folder yang sudah ada diberi -2, -3. "
        "Masukan yang tidak dapat dibaca disebutkan (kode keluar 2) dan yang lain tetap diubah.",
        "en": "Convert IKM between spreadsheets and dossier folders, both ways. --to rekap.xlsx (or .csv) "
        "gathers profiles, dossier folders and spreadsheets into one workbook, one IKM a row; --to FOLDER makes "
        "one dossier folder with its profile.yaml per IKM, named from the business name. Nothing is written "
        "over: an existing workbook is refused, an existing folder name gets -2, -3. An input that cannot be "
        "read is reported (exit code 2) and the others are still converted.",
    },
    "help.convert_short": {
        "id": "Ubah spreadsheet IKM menjadi folder berkas usulan, atau sebaliknya.",
        "en": "Turn a spreadsheet of IKM into dossier folders, or the other way.",
    },
    "help.convert_paths": {
        "id": "Spreadsheet (.xlsx, .csv), profil, folder berkas usulan, atau folder berisi semuanya.",
        "en": "Spreadsheets (.xlsx, .csv), profiles, dossier folders, or folders holding them.",
    },
    "help.convert_to": {
        "id": "Tujuan: berkas .xlsx atau .csv (belum ada), atau folder untuk berkas usulan.",
        "en": "Target: an .xlsx or .csv file (that does not exist yet), or a folder for the dossiers.",
    },
    "help.init_spreadsheet": {
        "id": "Buat juga templat spreadsheet rekap IKM (satu IKM per baris) dengan pilihan, validasi dan lembar "
        "Petunjuk; tidak ditimpa bila sudah ada.",
        "en": "Also create a spreadsheet template of IKM (one a row) with drop-downs, validation and an "
        "instruction sheet; not overwritten if it exists.",
    },
    "help.metavar_schema": {"id": "JENIS", "en": "KIND"},
    "help.paths": {
        "id": "Berkas profil (.yaml), folder berkas usulan, atau rekap spreadsheet (.xlsx, .csv: satu IKM per "
        "baris) yang diperiksa.",
        "en": "Profile files (.yaml), dossier folders, or spreadsheets of IKM (.xlsx, .csv: one IKM a row) to check.",
    },
    "help.as_of": {
        "id": "Periksa menurut tanggal ini (bawaan: hari ini).",
        "en": "Evaluate as of this date (default: today).",
    },
    "help.program": {
        "id": "Program untuk profil yang tidak menyebutkannya: ovop atau upakarti (bawaan: ovop).",
        "en": "Programme for profiles that do not say: ovop or upakarti (default: ovop).",
    },
    "help.lang": {
        "id": "Bahasa laporan: id atau en (bawaan: berkas konfigurasi, OVOPCHECK_LANG, lalu locale, selain itu id).",
        "en": "Report language: id or en (default: the config file, OVOPCHECK_LANG, then the locale, else id).",
    },
    "help.format": {
        "id": "Format laporan di keluaran standar (bawaan: text).",
        "en": "Format of the report on standard output (default: text).",
    },
    "help.output": {
        "id": "Tulis juga laporan FORMAT ke BERKAS (atau laporan.html: format dari akhiran nama). Boleh berulang.",
        "en": "Also write a report in FORMAT to PATH (or laporan.html: the format from the extension). Repeatable.",
    },
    "help.fail_on": {
        "id": "Apa yang menggagalkan pemeriksaan: `gap` (kekurangan), `unknown` (belum diketahui), `invalid` "
        "(tidak sah); boleh berulang atau dipisah koma (gap,unknown). Bawaan: ketiganya. Berkas yang tidak "
        "dapat diperiksa selalu menggagalkan, kecuali dengan `never` (tidak ada yang menggagalkan).",
        "en": "What fails the run: gap, unknown, invalid; repeat it or use a comma list (gap,unknown). Default: "
        "all three. A file that could not be checked always fails the run, unless `never` (nothing fails).",
    },
    "help.verbose": {
        "id": "Tampilkan semua dasar hukum, nilai yang dibandingkan, dan cara membaca nilai.",
        "en": "Show every basis, the exact values compared and how values were read.",
    },
    "help.quiet": {
        "id": "Format text: satu baris per berkas, lalu satu baris ringkasan.",
        "en": "Text format: one line per file, then one line of totals.",
    },
    "help.width": {"id": "Lebar laporan dalam kolom.", "en": "Report width in columns."},
    "help.criteria_add": {
        "id": "Berkas atau folder kriteria tambahan (id set yang sama: menggantikan). Boleh berulang.",
        "en": "Criteria file or folder to add (same set id: replaces). Repeatable.",
    },
    "help.as_dossier": {
        "id": "Periksa profile.yaml yang disebut sebagai berkas usulan foldernya (pre-commit).",
        "en": "Check a given profile.yaml as the dossier of its folder (pre-commit).",
    },
    "help.jobs": {
        "id": "Jumlah proses pekerja (bawaan: CPU yang boleh dipakai; 1: tanpa).",
        "en": "Worker processes (default: the CPUs it may use; 1: none).",
    },
    "help.exclude": {
        "id": "Lewati jalur yang cocok di dalam folder. Boleh berulang.",
        "en": "Skip matching paths in folders. Repeatable.",
    },
    "help.config": {
        "id": "Berkas konfigurasi yang dipakai, alih-alih mencari .ovopcheck.yaml / pyproject.toml.",
        "en": "Config file to use instead of searching for .ovopcheck.yaml / pyproject.toml.",
    },
    "help.no_config": {"id": "Abaikan berkas konfigurasi.", "en": "Ignore any config file."},
    "help.lang_short": {"id": "Bahasa: id atau en.", "en": "Language: id or en."},
    "help.list": {
        "id": "Daftar set kriteria: program, versi, masa berlaku, jumlah kriteria.",
        "en": "List the criteria sets: programme, version, period in force, counts.",
    },
    "help.show": {
        "id": "Tampilkan satu set kriteria: dasar hukumnya dan tiap kriteria.",
        "en": "Show one criteria set: its regime and every criterion with kind and title.",
    },
    "help.set_id": {"id": "Id set dari `ovopcheck criteria list`.", "en": "A set id from `ovopcheck criteria list`."},
    "help.lint": {
        "id": "Periksa berkas kriteria: skema, id, isian, masa berlaku, dan uji tiap kriteria. Kode keluar 0: bersih; "
        "1: ada masalah; 2: berkas tidak terbaca atau tidak sah.",
        "en": "Validate criteria files, check ids, fields and periods, and run each criterion's test cases. Exit code "
        "0: clean; 1: problems found; 2: a file could not be read or is not a valid criteria file.",
    },
    "help.lint_paths": {"id": "Berkas atau folder kriteria.", "en": "Criteria files or folders."},
    "help.docs": {
        "id": "Tulis rujukan Markdown tiap kriteria ke keluaran standar.",
        "en": "Write a Markdown reference of every criterion to stdout.",
    },
    "help.explain": {
        "id": "Jelaskan satu kriteria: syaratnya, dasar hukum dan sumbernya, isian profil yang dibaca.",
        "en": "Explain a criterion: what it requires, its legal basis and source, the profile fields it reads.",
    },
    "help.explain_short": {
        "id": "Jelaskan satu kriteria dan dasar hukumnya.",
        "en": "Explain a criterion: what it requires and its legal basis.",
    },
    "help.criterion_id": {
        "id": "Id kriteria, mis. ovop.sentra-units.",
        "en": "A criterion id, e.g. ovop.sentra-units.",
    },
    "help.show_config": {
        "id": "Tampilkan pengaturan yang berlaku dan asal tiap nilainya.",
        "en": "Print the effective configuration and where each value came from.",
    },
    "help.show_config_short": {
        "id": "Tampilkan pengaturan yang berlaku dan asalnya.",
        "en": "Show the settings in force and where each came from.",
    },
    "help.init": {
        "id": "Buat folder berkas usulan untuk diisi: profile.yaml berkomentar dan CHECKLIST.md dokumen; dengan "
        "--spreadsheet rekap.xlsx, templat rekap Excel (satu IKM per baris). Berkas yang sudah ada tidak pernah "
        "ditimpa: disebutkan dan dibiarkan (kode keluar 1).",
        "en": "Create a dossier skeleton: a commented profile.yaml template and a CHECKLIST.md of documents; with "
        "--spreadsheet rekap.xlsx, a spreadsheet template (one IKM a row). Existing files are never overwritten: "
        "they are listed and left as they are (exit code 1).",
    },
    "help.init_short": {
        "id": "Buat folder berkas usulan: profile.yaml dan CHECKLIST.md.",
        "en": "Create a dossier folder to fill in: profile.yaml and CHECKLIST.md.",
    },
    "help.folder": {
        "id": "Folder berkas usulan yang dibuat (boleh sudah ada; tidak ada berkas yang ditimpa).",
        "en": "Dossier folder to create (it may exist; no file is overwritten).",
    },
    "help.init_program": {"id": "ovop atau upakarti.", "en": "ovop or upakarti."},
    "help.schema": {
        "id": "Cetak JSON Schema format profil (atau kriteria, konfigurasi, laporan).",
        "en": "Print the JSON Schema of the profile format (or of the criteria, config or report format).",
    },
    "help.schema_short": {
        "id": "Cetak JSON Schema profil, kriteria, konfigurasi atau laporan.",
        "en": "Print the JSON Schema of the profile, criteria, config or report.",
    },
    "help.schema_kind": {
        "id": "profile (bawaan), criteria, config atau report.",
        "en": "profile (default), criteria, config or report.",
    },
    "help.fields": {
        "id": "Cetak rujukan isian profil sebagai Markdown.",
        "en": "Print the profile field reference as Markdown.",
    },
    "help.output_format": {
        "id": "Cetak JSON Schema laporan --format json.",
        "en": "Print the JSON Schema of the --format json report.",
    },
    # --- labels of the choices a profile field takes (shown beside each value when one is not known)
    "choice.almost": {"id": "hampir sama", "en": "almost the same"},
    "choice.anyaman": {"id": "anyaman", "en": "woven crafts"},
    "choice.besar": {"id": "besar", "en": "large"},
    "choice.bupati": {"id": "bupati", "en": "bupati"},
    "choice.cannot": {"id": "belum bisa", "en": "cannot yet"},
    "choice.commercial": {"id": "komersial", "en": "commercial"},
    "choice.company": {"id": "perusahaan", "en": "company"},
    "choice.controlled": {"id": "dampak terkendali", "en": "impact controlled"},
    "choice.conventional": {"id": "konvensional", "en": "conventional"},
    "choice.copied": {"id": "meniru", "en": "copied"},
    "choice.cv": {"id": "CV", "en": "CV"},
    "choice.developing": {"id": "berkembang", "en": "developing"},
    "choice.firma": {"id": "firma", "en": "firm"},
    "choice.gerabah": {"id": "gerabah", "en": "pottery"},
    "choice.gubernur": {"id": "gubernur", "en": "governor"},
    "choice.ignored": {"id": "dampak diabaikan", "en": "impact ignored"},
    "choice.imported": {"id": "impor", "en": "imported"},
    "choice.individual": {"id": "perorangan", "en": "individual"},
    "choice.institution": {"id": "lembaga/organisasi", "en": "institution"},
    "choice.iui": {"id": "IUI", "en": "IUI"},
    "choice.iumk": {"id": "IUMK", "en": "IUMK"},
    "choice.jasa_kepeloporan": {"id": "Jasa Kepeloporan", "en": "Jasa Kepeloporan (pioneering)"},
    "choice.jasa_pengabdian": {"id": "Jasa Pengabdian", "en": "Jasa Pengabdian (service)"},
    "choice.kabupaten_kota": {"id": "kabupaten/kota", "en": "kabupaten/kota"},
    "choice.kain_batik": {"id": "kain batik", "en": "batik cloth"},
    "choice.kain_tenun": {"id": "kain tenun", "en": "woven cloth"},
    "choice.kecil": {"id": "kecil", "en": "small"},
    "choice.kementerian": {"id": "kementerian", "en": "ministry"},
    "choice.koperasi": {"id": "koperasi", "en": "cooperative"},
    "choice.lainnya": {"id": "lainnya", "en": "other"},
    "choice.issued_by.lainnya": {"id": "pejabat lain", "en": "another official"},
    "choice.kepala_dinas": {"id": "kepala dinas", "en": "head of a Dinas"},
    "choice.local": {"id": "lokal", "en": "local"},
    "choice.province": {"id": "provinsi yang sama", "en": "same province"},
    "choice.makanan_minuman": {"id": "makanan dan minuman", "en": "food and beverages"},
    "choice.mandiri": {"id": "mandiri", "en": "self-nominated"},
    "choice.market": {"id": "mengikuti pasar", "en": "following the market"},
    "choice.menengah": {"id": "menengah", "en": "medium"},
    "choice.national": {"id": "nasional", "en": "national"},
    "choice.none": {"id": "tidak berdampak", "en": "no impact"},
    "choice.ovop": {"id": "OVOP", "en": "OVOP"},
    "choice.own": {"id": "desain sendiri", "en": "own design"},
    "choice.perorangan": {"id": "perorangan", "en": "sole proprietor"},
    "choice.provinsi": {"id": "provinsi", "en": "provinsi"},
    "choice.pt": {"id": "PT", "en": "PT"},
    "choice.regional": {"id": "regional", "en": "regional"},
    "choice.regular": {"id": "reguler", "en": "regular"},
    "choice.same": {"id": "sama", "en": "the same"},
    "choice.self_declare": {"id": "self declare", "en": "self declare"},
    "choice.tdi": {"id": "TDI", "en": "TDI"},
    "choice.ud": {"id": "UD", "en": "UD"},
    "choice.upakarti": {"id": "Upakarti", "en": "Upakarti"},
    "choice.walikota": {"id": "wali kota", "en": "wali kota (mayor)"},
    "choice.wna": {"id": "WNA", "en": "foreign citizen"},
    "choice.wni": {"id": "WNI", "en": "Indonesian citizen"},
    "list.set": {"id": "set", "en": "set"},
    "list.programme": {"id": "program", "en": "programme"},
    "list.version": {"id": "versi", "en": "version"},
    "list.in_force": {"id": "berlaku", "en": "in force"},
    "list.source": {"id": "sumber", "en": "source"},
    "list.inferred": {
        "id": "~ tanggal mulai disimpulkan (sumber tidak menyebut harinya; lihat `ovopcheck criteria show SET`)",
        "en": "~ start day inferred (the sources do not give the day; see `ovopcheck criteria show SET`)",
    },
    "list.shared": {"id": "klasifikasi bersama: {sets}", "en": "shared classifications: {sets}"},
    "sarif.invalid_rule": {
        "id": "Berkas tidak dapat diperiksa (tidak terbaca atau bukan profil yang sah).",
        "en": "The file could not be checked (unreadable or not a valid profile).",
    },
    "doc.valid": {"id": "SAH", "en": "VALID"},
    "doc.invalid": {"id": "TIDAK SAH", "en": "NOT VALID"},
    "html.checked_by": {"id": "Diperiksa oleh", "en": "Checked by"},
    "html.date": {"id": "Tanggal", "en": "Date"},
    "html.initials": {"id": "Paraf", "en": "Initials"},
    "value.missing": {"id": "(tidak ada)", "en": "(missing)"},
    "value.true": {"id": "ya", "en": "yes"},
    "value.false": {"id": "tidak", "en": "no"},
    "op.eq": {"id": "harus {required}", "en": "must be {required}"},
    "op.ne": {"id": "tidak boleh {required}", "en": "must not be {required}"},
    "op.lt": {"id": "harus kurang dari {required}", "en": "must be less than {required}"},
    "op.le": {"id": "paling banyak {required}", "en": "at most {required}"},
    "op.gt": {"id": "harus lebih dari {required}", "en": "must be more than {required}"},
    "op.ge": {"id": "paling sedikit {required}", "en": "at least {required}"},
    "op.in": {"id": "harus salah satu dari {required}", "en": "must be one of {required}"},
    "op.not_in": {"id": "tidak boleh salah satu dari {required}", "en": "must not be one of {required}"},
    "op.starts_with": {"id": "harus diawali {required}", "en": "must start with {required}"},
    "op.present": {"id": "harus diisi", "en": "must be given"},
    "op.absent": {"id": "tidak boleh diisi", "en": "must not be given"},
    "detail": {"id": "{subject} = {actual}; {rule}", "en": "{subject} = {actual}; {rule}"},
    "detail.count": {"id": "jumlah {subject}", "en": "number of {subject}"},
    "detail.sum": {"id": "total {of} dalam {subject}", "en": "total {of} in {subject}"},
    "detail.not": {"id": "tidak boleh: {rule}", "en": "must not hold: {rule}"},
    # --- CLI
    "cli.fail_on_unknown": {
        "id": "--fail-on: '{value}' bukan pilihan yang ada{hint}; pilihan: {choices}",
        "en": "--fail-on: '{value}' is not one of the choices{hint}; the choices are: {choices}",
    },
    "cli.fail_on_never_with": {
        "id": "--fail-on never (tidak ada yang menggagalkan) tidak dapat digabung dengan {other}; pilih salah satu",
        "en": "--fail-on never (nothing fails) cannot be combined with {other}; choose one",
    },
    "cli.use_completion": {
        "id": "pelengkapan otomatis: `ovopcheck completion bash` (atau zsh, fish, powershell); lihat README",
        "en": "tab completion: `ovopcheck completion bash` (or zsh, fish, powershell); see the README",
    },
    "cli.binary_to_file": {
        "id": "format {format} ditulis ke berkas, bukan ke layar: -o {format}:hasil.{format}",
        "en": "the {format} format is written to a file, not the screen: -o {format}:result.{format}",
    },
    "cli.nothing_to_list": {"id": "tidak ada berkas yang akan diperiksa", "en": "there is nothing to check"},
    "cli.bad_date": {
        "id": "tanggal '{value}' tidak sah; tulis TTTT-BB-HH",
        "en": "date '{value}' is not valid; write YYYY-MM-DD",
    },
    "cli.criteria_error": {"id": "kriteria tidak dapat dimuat", "en": "criteria could not be loaded"},
    "cli.unknown_set": {
        "id": "set kriteria '{id}' tidak dikenal (tersedia: {known})",
        "en": "unknown criteria set '{id}' (available: {known})",
    },
    "cli.unknown_criterion": {
        "id": "kriteria '{id}' tidak dikenal{hint}; `ovopcheck criteria show SET` menampilkan semuanya",
        "en": "unknown criterion '{id}'{hint}; `ovopcheck criteria show SET` lists them all",
    },
    "cli.output_spec": {
        "id": "--output {spec}: tulis FORMAT:BERKAS dengan FORMAT salah satu dari {formats}, "
        "atau nama berkas berakhiran {ext}",
        "en": "--output {spec}: write FORMAT:PATH with FORMAT one of {formats}, or a file name ending in {ext}",
    },
    "criteria_operand_type": {
        "id": "ambang ini tidak pernah bisa terpenuhi, jenisnya tidak cocok dengan isian: {reason}",
        "en": "this threshold can never be met, its type does not fit the field: {reason}",
    },
    "criteria_too_many_atoms": {
        "id": "set kriteria ini memuat lebih dari {limit} kondisi; pecah menjadi beberapa set",
        "en": "this criteria set holds more than {limit} conditions; split it into several sets",
    },
    "criteria_where_too_large": {
        "id": "'where' ini memuat {n} kondisi (paling banyak {limit}): dijalankan untuk tiap isi daftar",
        "en": "this 'where' holds {n} conditions (at most {limit}): it runs for every item of the list",
    },
    "cli.output_is_input": {
        "id": "--output {path}: berkas ini ikut diperiksa; laporan tidak pernah ditulis menimpa masukan, "
        "pilih nama lain (mis. laporan.json)",
        "en": "--output {path}: this file is checked in this run; a report is never written over an input, "
        "choose another name (e.g. report.json)",
    },
    "cli.unknown_command": {
        "id": "'{word}' bukan berkas dan bukan perintah; maksudnya `ovopcheck {command}`?",
        "en": "'{word}' is neither a file nor a command; did you mean `ovopcheck {command}`?",
    },
    "hint.did_you_mean": {"id": " (maksudnya '{name}'?)", "en": " (did you mean '{name}'?)"},
    "cli.config_file": {"id": "berkas konfigurasi: {file}", "en": "config file: {file}"},
    "cli.config_no_file": {"id": "(tidak ditemukan)", "en": "(none found)"},
    "cli.config_source.default": {"id": "bawaan", "en": "default"},
    "cli.config_source.command line": {"id": "baris perintah", "en": "command line"},
    "cli.config_waiver": {
        "id": "{criterion} sampai {expires} ({approved_by})",
        "en": "{criterion} until {expires} ({approved_by})",
    },
    "cli.config_waiver_for": {"id": " untuk {profile}", "en": " for {profile}"},
    "cli.config_waiver_unknown": {
        "id": "  [tidak berlaku: tidak ada kriteria dengan id ini]",
        "en": "  [inactive: no criterion has this id]",
    },
    "cli.config_waiver_expired": {"id": "  [tidak berlaku: kedaluwarsa]", "en": "  [inactive: expired]"},
    "cli.unknown_schema": {
        "id": "skema '{kind}' tidak ada{hint}; pilih profile, criteria, config atau report",
        "en": "there is no schema '{kind}'{hint}; use profile, criteria, config or report",
    },
    "cli.lint_totals": {
        "id": "{sets} set, {criteria} kriteria, {cases} kasus uji, {problems} masalah",
        "en": "{sets} sets, {criteria} criteria, {cases} test cases, {problems} problems",
    },
    # --- the words of --help and of command-line mistakes (typer and click would print them in English)
    "click.usage": {"id": "Pemakaian:", "en": "Usage:"},
    "click.arguments": {"id": "Argumen", "en": "Arguments"},
    "click.options": {"id": "Opsi", "en": "Options"},
    "click.commands": {"id": "Perintah", "en": "Commands"},
    "click.required": {"id": "wajib", "en": "required"},
    "click.default": {"id": "bawaan: {default}", "en": "default: {default}"},
    "click.env_var": {"id": "variabel lingkungan: {var}", "en": "environment variable: {var}"},
    "click.dynamic": {"id": "(dihitung saat dijalankan)", "en": "(worked out when run)"},
    "click.aborted": {"id": "Dibatalkan.", "en": "Aborted."},
    "click.help_option": {"id": "Tampilkan bantuan ini lalu keluar.", "en": "Show this help and exit."},
    "click.options_metavar": {"id": "[OPSI]", "en": "[OPTIONS]"},
    "click.command_metavar": {"id": "PERINTAH [ARGUMEN]...", "en": "COMMAND [ARGS]..."},
    "click.try_help": {"id": "Bantuan: {command} -h", "en": "Help: {command} -h"},
    "click.no_such_command": {
        "id": "perintah '{name}' tidak ada{hint}; perintah yang ada: {commands}",
        "en": "there is no command '{name}'{hint}; the commands are: {commands}",
    },
    "click.no_such_option": {
        "id": "opsi {option} tidak dikenal{hint}",
        "en": "unknown option {option}{hint}",
    },
    "click.option_needs_value": {
        "id": "opsi {option} perlu diberi nilai, mis. {option} NILAI",
        "en": "option {option} needs a value, e.g. {option} VALUE",
    },
    "click.option_takes_no_value": {
        "id": "opsi {option} tidak memakai nilai; tulis {option} saja",
        "en": "option {option} takes no value; write {option} alone",
    },
    "click.missing_argument": {
        "id": "{name} belum disebutkan: {help}",
        "en": "{name} is missing: {help}",
    },
    "click.missing_option": {"id": "opsi {name} wajib diberikan", "en": "option {name} is required"},
    "click.bad_choice": {
        "id": "'{value}' bukan pilihan yang ada{hint}; pilihan: {choices}",
        "en": "'{value}' is not one of the choices{hint}; the choices are: {choices}",
    },
    "click.bad_number": {
        "id": "{name}: tulis bilangan bulat dari {low} sampai {high}",
        "en": "{name}: write a whole number from {low} to {high}",
    },
    "click.bad_value": {"id": "nilai {name} tidak sah: {reason}", "en": "invalid value for {name}: {reason}"},
    "click.extra_arguments": {
        "id": "argumen berlebih: {args}; perintah ini tidak memakainya",
        "en": "unexpected argument(s): {args}; this command does not take them",
    },
}


def message(key: str, lang: str, /, **params: object) -> str:
    """The text for ``key`` in ``lang``; parameters are inserted literally (never interpreted).

    Positional-only, so a parameter may itself be called ``key`` or ``lang`` (e.g. duplicate_key).
    """
    entry = MESSAGES[key]
    template = entry.get(lang) or entry["id"]
    return fill(template, {k: str(v) for k, v in params.items()})


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` placeholders; unlike str.format, no attribute or index access is possible."""
    out: list[str] = []
    i = 0
    while i < len(template):
        start = template.find("{", i)
        if start < 0:
            out.append(template[i:])
            break
        end = template.find("}", start)
        if end < 0:
            out.append(template[i:])
            break
        name = template[start + 1 : end]
        out.append(template[i:start])
        out.append(values[name] if name in values else template[start : end + 1])
        i = end + 1
    return "".join(out)


def resolve_language(explicit: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang, then OVOPCHECK_LANG, then the locale (id_* -> id), else Indonesian."""
    env = os.environ if environ is None else environ
    for candidate in (explicit, env.get("OVOPCHECK_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "id" if value.lower().startswith("id") else "en" if value.lower()[:2] == "en" else "id"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:  # pragma: no cover - odd locale settings
        current = ""
    return "en" if current.lower().startswith("en") else "id"
