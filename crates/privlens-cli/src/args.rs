//! Command-line arguments, parsed by hand: the surface is small and errors must be plain.

pub const USAGE: &str = "\
usage:
  privlens scan FILE|- [--url URL] [--format text|json|markdown]
  privlens scan --jsonl DIR      scan every file under DIR, one JSON line each
  privlens practices [FILE|-]    read JSON lines {\"text\": ..., \"url\": optional}; write the practices of each
  privlens button-role [FILE|-]  read one button label per line; write its role per line
  privlens classify [FILE|-]     read JSON lines {\"text\": ...}; write the OPP-115 categories
                                 and scores of each, one JSON line per input, same order
  privlens --help
";

#[derive(Debug, PartialEq)]
pub enum OutputFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, PartialEq)]
pub struct ScanArgs {
    pub input: String,
    pub url: Option<String>,
    pub format: OutputFormat,
}

#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Scan(ScanArgs),
    ScanCorpus { dir: String },
    Practices { input: String },
    ButtonRole { input: String },
    Classify { input: String },
}

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let mut it = argv.iter();
    match it.next().map(String::as_str) {
        None | Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some("scan") => parse_scan(it),
        Some("practices") => one_input(it).map(|input| Command::Practices { input }),
        Some("button-role") => one_input(it).map(|input| Command::ButtonRole { input }),
        Some("classify") => one_input(it).map(|input| Command::Classify { input }),
        Some(other) => Err(format!("unknown command '{other}'")),
    }
}

/// An optional single FILE argument; standard input when absent.
fn one_input<'a>(mut it: impl Iterator<Item = &'a String>) -> Result<String, String> {
    match (it.next(), it.next()) {
        (None, _) => Ok("-".to_string()),
        (Some(input), None) => Ok(input.clone()),
        (Some(_), Some(extra)) => Err(format!("unexpected argument '{extra}'")),
    }
}

fn parse_scan<'a>(mut it: impl Iterator<Item = &'a String>) -> Result<Command, String> {
    let mut input = None;
    let mut url = None;
    let mut format = OutputFormat::Text;
    let mut corpus = None;
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--url" => url = Some(value("--url")?),
            "--jsonl" => corpus = Some(value("--jsonl")?),
            "--format" => {
                format = match value("--format")?.as_str() {
                    "text" => OutputFormat::Text,
                    "json" => OutputFormat::Json,
                    "markdown" | "md" => OutputFormat::Markdown,
                    other => return Err(format!("unknown format '{other}' (text, json or markdown)")),
                }
            }
            "-" => input = Some("-".to_string()),
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    match (corpus, input) {
        (Some(dir), None) => Ok(Command::ScanCorpus { dir }),
        (Some(_), Some(_)) => Err("give either FILE or --jsonl DIR, not both".to_string()),
        (None, Some(input)) => Ok(Command::Scan(ScanArgs { input, url, format })),
        (None, None) => Err("scan needs a FILE, '-' for standard input, or --jsonl DIR".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_scan_forms() {
        assert_eq!(
            parse(&args("scan page.html --url https://x.test/privacy --format json")),
            Ok(Command::Scan(ScanArgs {
                input: "page.html".into(),
                url: Some("https://x.test/privacy".into()),
                format: OutputFormat::Json
            }))
        );
        assert_eq!(parse(&args("scan --jsonl corpus")), Ok(Command::ScanCorpus { dir: "corpus".into() }));
        assert_eq!(parse(&args("")), Ok(Command::Help));
        assert_eq!(parse(&args("classify")), Ok(Command::Classify { input: "-".into() }));
        assert_eq!(parse(&args("classify segs.jsonl")), Ok(Command::Classify { input: "segs.jsonl".into() }));
        assert!(parse(&args("classify a b")).unwrap_err().contains("unexpected"));
    }

    #[test]
    fn rejects_bad_arguments_plainly() {
        assert!(parse(&args("scan")).unwrap_err().contains("needs a FILE"));
        assert!(parse(&args("scan a --format pdf")).unwrap_err().contains("unknown format"));
        assert!(parse(&args("scan a b")).unwrap_err().contains("unexpected"));
        assert!(parse(&args("frobnicate")).unwrap_err().contains("unknown command"));
    }
}
