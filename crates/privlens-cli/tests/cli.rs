//! The command-line tool as a user runs it: outputs, and plain one-line errors on bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn privlens(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_privlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("privlens runs");
    let mut pipe = child.stdin.take().unwrap();
    // A command given a file need not read its input: it may be gone before the write.
    if let Err(e) = pipe.write_all(stdin.unwrap_or_default()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing privlens's input: {e}");
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn seed(prefix: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("privlens-cli-test-{}", std::process::id()));
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stderr_line(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.trim_end().lines().count(), 1, "one line of error, got: {err}");
    err
}

#[test]
fn scans_a_seed_as_json_per_the_spec() {
    let out = privlens(
        &["scan", seed("000").to_str().unwrap(), "--format", "json", "--url", "https://www.pythonanywhere.com/privacy/"],
        None,
    );
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["document"]["kind"], "privacy_policy");
    assert_eq!(report["url"], "https://www.pythonanywhere.com/privacy/");
    assert!(report["practices"]["retention"].as_array().unwrap().iter().any(|r| r["days"] == 2190));
}

#[test]
fn text_and_markdown_are_for_people() {
    let text = privlens(&["scan", seed("004").to_str().unwrap()], None);
    let shown = String::from_utf8(text.stdout).unwrap();
    assert!(shown.contains("grade:") && shown.contains("What they collect"), "{shown}");
    let md = privlens(&["scan", "-", "--format", "markdown"], Some(std::fs::read(seed("004")).unwrap().as_slice()));
    let shown = String::from_utf8(md.stdout).unwrap();
    assert!(shown.starts_with("# privlens report") && shown.contains("\n## Your rights\n"), "{shown}");
}

#[test]
fn bad_input_gives_one_clear_line_and_failure() {
    let cases: Vec<(Vec<u8>, &str)> =
        vec![(Vec::new(), "empty"), (b"   \n\t ".to_vec(), "empty"), (vec![0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254], "binary")];
    for (bytes, expected) in cases {
        let out = privlens(&["scan", "-"], Some(&bytes));
        assert!(!out.status.success());
        assert!(stderr_line(&out).contains(expected), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let missing = privlens(&["scan", "/no/such/file.html"], None);
    assert!(!missing.status.success() && stderr_line(&missing).contains("cannot read"));
    let dir = privlens(&["scan", env!("CARGO_MANIFEST_DIR")], None);
    assert!(!dir.status.success() && stderr_line(&dir).contains("directory"));
}

#[test]
fn oversized_input_is_refused_before_reading() {
    let path = temp_file("huge.txt", b"");
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(privlens_core::MAX_INPUT_BYTES as u64 + 1).unwrap();
    let out = privlens(&["scan", path.to_str().unwrap()], None);
    assert!(!out.status.success());
    assert!(stderr_line(&out).contains("too large"));
}

/// The JSON report of a page given on standard input.
fn scan_json(page: &str) -> serde_json::Value {
    let out = privlens(&["scan", "-", "--format", "json"], Some(page.as_bytes()));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("a JSON report")
}

#[test]
fn hostile_and_foreign_pages_scan_without_crashing() {
    let hostile =
        "<html><body><p onclick='x'>We collect your <script>alert(1)</script>email</p><iframe src=//x></iframe><<<>>></body>"
            .repeat(50);
    let out = privlens(&["scan", "-", "--format", "json"], Some(hostile.as_bytes()));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let german = "<html lang=de><body><h1>Datenschutzerklärung</h1><p>Wir verarbeiten Ihre personenbezogenen Daten nur im Rahmen der DSGVO.</p></body></html>";
    let report = scan_json(german);
    assert_eq!(report["language"], "de");
    // A German policy is read with the German word lists, and graded on what they find.
    let policy = format!("<html lang=de><body><h1>Datenschutzerklärung</h1>{}</body></html>", "<p>Wir erheben personenbezogene Daten wie Ihre IP-Adresse und verwenden Cookies. Sie haben das Recht auf Auskunft und Löschung Ihrer personenbezogenen Daten nach der DSGVO.</p>".repeat(8));
    let report = scan_json(&policy);
    assert_eq!(report["document"]["kind"], "privacy_policy");
    // Deletion on request (+2), no contact (-1): 1, a B.
    assert_eq!(report["grade"]["letter"], "B");
    assert!(report["summary"].as_str().unwrap().contains("German word lists"), "{}", report["summary"]);
    let collected: Vec<&str> =
        report["practices"]["data_collected"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(collected, ["ip_address", "cookies_tracking"]);
    let rights: Vec<&str> = report["practices"]["rights"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(rights, ["access", "erasure"]);
    // Japanese is read with its own word lists, written without spaces.
    let japanese = format!(
        "<html lang=ja><body><h1>プライバシーポリシー</h1>{}</body></html>",
        "<p>当社はお客様のメールアドレスを取得します。Privacy policy.</p>".repeat(8)
    );
    let report = scan_json(&japanese);
    assert_eq!(report["document"]["kind"], "privacy_policy");
    assert!(report["summary"].as_str().unwrap().contains("Japanese word lists"), "{}", report["summary"]);
    assert_eq!(report["practices"]["data_collected"][0]["id"], "email");
    // Thai too, which puts no spaces between its words and no stop after its sentences.
    let thai = format!(
        "<html lang=th><body><h1>นโยบายความเป็นส่วนตัว</h1>{}</body></html>",
        "<p>บริษัทจะเก็บรวบรวมหมายเลขโทรศัพท์และอีเมลของท่านเพื่อจัดส่งสินค้า</p>".repeat(8)
    );
    let report = scan_json(&thai);
    assert_eq!(report["document"]["kind"], "privacy_policy");
    assert!(report["summary"].as_str().unwrap().contains("Thai word lists"), "{}", report["summary"]);
    let collected: Vec<&str> =
        report["practices"]["data_collected"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert!(collected.contains(&"phone") && collected.contains(&"email"), "{collected:?}");
    // A language without word lists is still named as such.
    let amharic = format!(
        "<html lang=am><body><h1>Privacy Policy</h1>{}</body></html>",
        "<p>ኩባንያው አገልግሎቱን ለመስጠት የእርስዎን የግል መረጃ ይሰበስባል። This privacy policy.</p>".repeat(8)
    );
    let report = scan_json(&amharic);
    assert_eq!(report["document"]["kind"], "privacy_policy");
    assert!(report["summary"].as_str().unwrap().contains("in another language (am)"), "{}", report["summary"]);
}

#[test]
fn corpus_mode_writes_one_line_per_file_and_reports_errors_inline() {
    let good = temp_file("corpus/a.txt", &[]);
    std::fs::write(&good, std::fs::read(seed("004")).unwrap()).unwrap();
    std::fs::write(good.with_file_name("b.bin"), [0u8, 1, 2, 3]).unwrap();
    let out = privlens(&["scan", "--jsonl", good.parent().unwrap().to_str().unwrap()], None);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["document"]["kind"], "privacy_policy");
    assert!(lines[1]["error"].as_str().unwrap().contains("binary"));
}

#[test]
fn practices_reads_and_writes_json_lines_in_order() {
    let input = b"{\"text\": \"We keep your data for 30 days.\"}\n{\"text\": \"We share data with Google Analytics.\"}\n";
    let out = privlens(&["practices"], Some(input));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["retention"][0]["days"], 30);
    assert_eq!(lines[1]["third_parties"][0]["name"], "Google Analytics");
}

#[test]
fn button_role_reads_one_label_per_line() {
    let out = privlens(&["button-role"], Some("Accept all\nAlle ablehnen\nCookie settings\n".as_bytes()));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "accept\nreject\nsettings\n");
}

#[test]
fn classify_reads_and_writes_json_lines_in_order() {
    let input = "{\"text\": \"We use SSL encryption and firewalls to protect your personal information.\"}\n\
                 {\"text\": \"Questions about this policy? Contact us at privacy@example.com.\"}\n\
                 {\"text\": \"Lorem ipsum dolor sit amet.\"}\n";
    let file = temp_file("segments.jsonl", input.as_bytes());
    for args in [vec!["classify"], vec!["classify", "-"], vec!["classify", file.to_str().unwrap()]] {
        let out = privlens(&args, Some(input.as_bytes()));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let lines: Vec<serde_json::Value> =
            String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0]["categories"].as_array().unwrap().contains(&"data_security".into()), "{}", lines[0]);
        assert!(lines[1]["categories"].as_array().unwrap().contains(&"contact_information".into()), "{}", lines[1]);
        for line in &lines {
            assert!(!line["categories"].as_array().unwrap().is_empty(), "every segment gets a category: {line}");
            let scores = line["scores"].as_object().unwrap();
            assert_eq!(scores.len(), 12);
            assert!(scores.values().all(|s| (0.0..=1.0).contains(&s.as_f64().unwrap())));
            for c in line["categories"].as_array().unwrap() {
                assert!(scores.contains_key(c.as_str().unwrap()));
            }
        }
    }
}

#[test]
fn classify_rejects_lines_without_text() {
    let out = privlens(&["classify"], Some(b"{\"text\": \"ok\"}\n{\"body\": 1}\n"));
    assert!(!out.status.success());
    assert!(stderr_line(&out).contains("line 2"));
}
