//! `privlens`: the analysis core on the command line.

mod args;
mod render;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use args::{Command, OutputFormat, ScanArgs};
use privlens_core::{PageInput, Report, decode_input, scan};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let result = match args::parse(&argv) {
        Ok(Command::Help) => {
            print!("{}", args::USAGE);
            Ok(())
        }
        Ok(Command::Scan(a)) => run_scan(&a),
        Ok(Command::ScanCorpus { dir }) => run_corpus(&dir),
        Ok(Command::Practices { input }) => run_practices(&input),
        Ok(Command::ButtonRole { input }) => run_button_roles(&input),
        Ok(Command::Classify { input }) => run_classify(&input),
        Err(e) => Err(format!("{e}\n\n{}", args::USAGE)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("privlens: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read_source(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{path} is a directory (to scan a folder use --jsonl)"));
    }
    if meta.len() as usize > privlens_core::MAX_INPUT_BYTES {
        return Err(format!(
            "{path}: the page is too large to analyse ({} bytes; the limit is {} bytes)",
            meta.len(),
            privlens_core::MAX_INPUT_BYTES
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn scan_bytes(bytes: &[u8], url: Option<&str>) -> Result<Report, String> {
    let text = decode_input(bytes).map_err(|e| e.to_string())?;
    scan(&PageInput { content: &text, url, ..PageInput::default() }).map_err(|e| e.to_string())
}

fn run_scan(a: &ScanArgs) -> Result<(), String> {
    let bytes = read_source(&a.input)?;
    let report =
        scan_bytes(&bytes, a.url.as_deref()).map_err(|e| if a.input == "-" { e } else { format!("{}: {e}", a.input) })?;
    let out = match a.format {
        OutputFormat::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
        OutputFormat::Text => render::text(&report),
        OutputFormat::Markdown => render::markdown(&report),
    };
    std::io::stdout().write_all(out.as_bytes()).map_err(|e| format!("cannot write output: {e}"))
}

/// JSON lines in, JSON lines out, same order: the practices stated in each text.
fn run_practices(input: &str) -> Result<(), String> {
    let bytes = read_source(input)?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{input}: not UTF-8 text"))?;
    let mut stdout = std::io::stdout().lock();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("line {}: not JSON: {e}", n + 1))?;
        let segment = value["text"].as_str().ok_or_else(|| format!("line {}: no \"text\" string", n + 1))?;
        let practices = privlens_core::practices_of_text(segment, value["url"].as_str());
        let out = serde_json::to_string(&practices).map_err(|e| e.to_string())?;
        writeln!(stdout, "{out}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(())
}

/// JSON lines in, JSON lines out, same order: the OPP-115 categories of each segment (at least
/// one) and the scores of all 12; a category is assigned when its score is at least 0.5.
fn run_classify(input: &str) -> Result<(), String> {
    let bytes = read_source(input)?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{input}: not UTF-8 text"))?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("line {}: not JSON: {e}", n + 1))?;
        let segment = value["text"].as_str().ok_or_else(|| format!("line {}: no \"text\" string", n + 1))?;
        let (categories, scores) = privlens_core::classify::classify(segment);
        let out = serde_json::json!({ "categories": categories, "scores": scores });
        writeln!(stdout, "{out}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    stdout.flush().map_err(|e| format!("cannot write output: {e}"))
}

/// One label per line in, one role per line out (accept, reject, settings, save, close, pay, other).
fn run_button_roles(input: &str) -> Result<(), String> {
    let bytes = read_source(input)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut stdout = std::io::stdout().lock();
    for label in text.lines() {
        writeln!(stdout, "{}", privlens_core::banner::role_of_label(label)).map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(())
}

fn corpus_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            corpus_files(&path, out)?;
        } else if path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// One JSON line per file, in path order, scanned on every core.
fn run_corpus(dir: &str) -> Result<(), String> {
    let mut files = Vec::new();
    corpus_files(Path::new(dir), &mut files)?;
    files.sort();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(files.len().max(1));
    let chunk = files.len().div_ceil(workers).max(1);
    let lines: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> =
            files.chunks(chunk).map(|part| s.spawn(move || part.iter().map(|p| corpus_line(p)).collect::<Vec<_>>())).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut stdout = std::io::stdout().lock();
    for line in lines {
        writeln!(stdout, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(())
}

fn corpus_line(path: &Path) -> String {
    let name = path.display().to_string();
    let result = read_source(&name).and_then(|b| scan_bytes(&b, None));
    match result {
        Ok(report) => {
            let mut v = serde_json::to_value(&report).unwrap_or_default();
            v["file"] = serde_json::Value::String(name);
            v.to_string()
        }
        Err(e) => serde_json::json!({ "file": name, "error": e }).to_string(),
    }
}
