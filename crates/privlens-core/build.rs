//! Embeds every knowledge file under `data/` into the library, so adding an entry is
//! adding a file: no code changes, and the wasm build carries the same knowledge.

use std::{env, fs, path::Path};

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut out = String::new();
    for dir in ["third_parties", "consent_platforms", "button_labels", "language_packs"] {
        let path = data.join(dir);
        println!("cargo:rerun-if-changed={}", path.display());
        let mut files: Vec<_> = fs::read_dir(&path)
            .map(|rd| {
                rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect()
            })
            .unwrap_or_default();
        files.sort();
        let name = dir.to_uppercase();
        out.push_str(&format!("pub const {name}: &[(&str, &str)] = &[\n"));
        for f in files {
            let stem = f.file_stem().unwrap().to_string_lossy();
            out.push_str(&format!("    ({stem:?}, include_str!({:?})),\n", f.display().to_string()));
        }
        out.push_str("];\n");
    }
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("data_files.rs"), out).unwrap();
}
