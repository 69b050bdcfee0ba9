//! Embeds every knowledge file under `data/` into the library, so adding an entry is
//! adding a file: no code changes, and the wasm build carries the same knowledge. Language
//! packs are large phrase lists read only for a page in their language, so they are embedded
//! deflated (a fifth of their size) with their names beside them.

use std::{env, fs, path::Path};

fn main() {
    // Read at run time: a build script compiled for another checkout of the same code (cargo
    // reuses it across a shared target directory) must read this checkout's files.
    let data = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut out = String::new();
    let out_dir = env::var("OUT_DIR").unwrap();
    for dir in ["third_parties", "consent_platforms", "button_labels", "language_packs"] {
        let path = data.join(dir);
        println!("cargo:rerun-if-changed={}", path.display());
        let mut files: Vec<_> = fs::read_dir(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        // No knowledge at all is a broken checkout, never a build to ship.
        assert!(!files.is_empty(), "{}: no data files", path.display());
        files.sort();
        let name = dir.to_uppercase();
        if dir == "language_packs" {
            out.push_str(&deflated_packs(&files, Path::new(&out_dir)));
            continue;
        }
        out.push_str(&format!("pub const {name}: &[(&str, &str)] = &[\n"));
        for f in files {
            let stem = f.file_stem().unwrap().to_string_lossy();
            out.push_str(&format!("    ({stem:?}, include_str!({:?})),\n", f.display().to_string()));
        }
        out.push_str("];\n");
    }
    fs::write(Path::new(&out_dir).join("data_files.rs"), out).unwrap();
}

/// `LANGUAGE_PACKS`: (tag, language name, deflated JSON) per pack file.
fn deflated_packs(files: &[std::path::PathBuf], out_dir: &Path) -> String {
    let mut out = String::from("pub const LANGUAGE_PACKS: &[(&str, &str, &[u8])] = &[\n");
    for f in files {
        let stem = f.file_stem().unwrap().to_string_lossy();
        let json = fs::read_to_string(f).unwrap();
        let deflated = out_dir.join(format!("{stem}.json.deflate"));
        fs::write(&deflated, miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9)).unwrap();
        out.push_str(&format!("    ({stem:?}, {:?}, include_bytes!({:?})),\n", pack_name(&json), deflated.display().to_string()));
    }
    out + "];\n"
}

/// The pack's `"name"` ("German"), read without a JSON parser: the files are written with
/// `"name": "..."` on a line of its own near the top.
fn pack_name(json: &str) -> &str {
    let at = json.find("\"name\": \"").expect("a pack names its language") + "\"name\": \"".len();
    &json[at..at + json[at..].find('"').expect("the name is closed")]
}
