//! The OPP-115 benchmark split: CSV rows (text, label), grouped by text into segments.

use privlens_core::classify::{LABELS, N_LABELS};

/// The benchmark's label names, in the order of `privlens_core::classify::LABELS`.
pub const NAMES: [&str; N_LABELS] = [
    "First Party Collection/Use",
    "Third Party Sharing/Collection",
    "User Choice/Control",
    "User Access, Edit and Deletion",
    "Data Retention",
    "Data Security",
    "Policy Change",
    "Do Not Track",
    "International and Specific Audiences",
    "Introductory/Generic",
    "Practice not covered",
    "Privacy contact information",
];

#[derive(Debug, Clone)]
pub struct Segment {
    pub text: String,
    pub labels: [bool; N_LABELS],
}

impl Segment {
    pub fn ids(&self) -> Vec<&'static str> {
        (0..N_LABELS).filter(|l| self.labels[*l]).map(|l| LABELS[l]).collect()
    }
}

/// RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines.
pub fn parse_csv(input: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = input.chars().peekable();
    let mut quoted = false;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                any = false;
            }
            _ => field.push(c),
        }
    }
    if any {
        record.push(field);
        records.push(record);
    }
    records
}

/// One split's segments, in order of first appearance.
pub fn load(dir: &std::path::Path, split: &str) -> Result<Vec<Segment>, String> {
    let path = dir.join(format!("{split}.csv"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out: Vec<Segment> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for (n, rec) in parse_csv(&text).into_iter().enumerate() {
        let [t, label] = rec.as_slice() else {
            return Err(format!("{}: record {} has {} fields, expected 2", path.display(), n + 1, rec.len()));
        };
        let l = NAMES.iter().position(|x| x == label).ok_or_else(|| format!("{}: unknown label {label:?}", path.display()))?;
        let i = *index.entry(t.clone()).or_insert_with(|| {
            out.push(Segment { text: t.clone(), labels: [false; N_LABELS] });
            out.len() - 1
        });
        out[i].labels[l] = true;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_and_newlines() {
        let recs = parse_csv("\"a, \"\"b\"\"\nc\",Data Security\nplain,Do Not Track\n");
        assert_eq!(
            recs,
            vec![
                vec!["a, \"b\"\nc".to_string(), "Data Security".to_string()],
                vec!["plain".to_string(), "Do Not Track".to_string()]
            ]
        );
    }
}
