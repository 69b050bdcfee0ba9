//! The report for people: plain text for the terminal, Markdown for sharing (the CLI and the
//! popup's "Copy as Markdown" both use it). Both render the same list of sections.

use crate::report::{Direction, Evidence, Report};

struct Item {
    label: String,
    quote: Option<String>,
}

struct Section {
    title: &'static str,
    items: Vec<Item>,
}

fn quote_of(ev: &[Evidence]) -> Option<String> {
    ev.first().map(|e| e.quote.clone())
}

fn item(label: impl Into<String>, ev: &[Evidence]) -> Item {
    Item { label: label.into(), quote: quote_of(ev) }
}

fn sections(r: &Report) -> Vec<Section> {
    let p = &r.practices;
    let mut out = vec![
        Section { title: "What they collect", items: p.data_collected.iter().map(|f| item(&f.id, &f.evidence)).collect() },
        Section { title: "What for", items: p.purposes.iter().map(|f| item(&f.id, &f.evidence)).collect() },
        Section {
            title: "Who they share it with",
            items: p
                .third_parties
                .iter()
                .map(|t| item(format!("{} ({}{})", t.name, t.category, if t.generic { ", generic" } else { "" }), &t.evidence))
                .collect(),
        },
        Section {
            title: "How long they keep it",
            items: p
                .retention
                .iter()
                .map(|x| Item {
                    label: x.days.map_or("as long as they see fit".to_string(), |d| format!("{d} days")),
                    quote: Some(x.evidence.quote.clone()),
                })
                .collect(),
        },
        Section { title: "Your rights", items: p.rights.iter().map(|f| item(&f.id, &f.evidence)).collect() },
        Section { title: "Laws named", items: p.laws.iter().map(|f| item(&f.id, &f.evidence)).collect() },
        Section { title: "Security", items: p.security_measures.iter().map(|f| item(&f.id, &f.evidence)).collect() },
        Section {
            title: "Contact",
            items: p
                .contacts
                .iter()
                .map(|c| Item { label: format!("{}: {}", c.kind, c.value), quote: Some(c.evidence.quote.clone()) })
                .collect(),
        },
    ];
    let mut other = Vec::new();
    if let Some(c) = &p.children {
        other.push(item(c.min_age.map_or("children mentioned".to_string(), |a| format!("minimum age {a}")), &c.evidence));
    }
    let t = &p.international_transfer;
    if !t.regions.is_empty() || !t.mechanisms.is_empty() {
        let mechanisms: Vec<&str> = t.mechanisms.iter().map(|m| m.id.as_str()).collect();
        other.push(item(
            format!("international transfer: {} {}", t.regions.join(", "), mechanisms.join(", ")).trim().to_string(),
            &t.evidence,
        ));
    }
    if !p.changes.notice.is_empty() || p.changes.continued_use_is_acceptance {
        let acceptance = if p.changes.continued_use_is_acceptance { " (continued use counts as acceptance)" } else { "" };
        other.push(item(format!("policy changes: {}{acceptance}", p.changes.notice.join(", ")), &p.changes.evidence));
    }
    out.push(Section { title: "Children, transfers, changes", items: other });
    let loaded = r.trackers.organisations.iter().map(|o| Item {
        label: format!(
            "{}: {}{}",
            o.organisation,
            o.services.join(", "),
            if o.disclosed { "" } else { " (not named in the policy)" }
        ),
        quote: None,
    });
    out.push(Section { title: "Code from other companies on this page", items: loaded.collect() });
    let flags = |d: Direction| {
        r.signals.iter().filter(|s| s.direction == d).map(|s| item(format!("{}: {}", s.id, s.explanation), &s.evidence)).collect()
    };
    out.push(Section { title: "Red flags", items: flags(Direction::Bad) });
    out.push(Section { title: "Good signs", items: flags(Direction::Good) });
    let b = &r.cookie_banner;
    if b.present {
        let mut items = vec![Item {
            label: format!("platform: {}", b.platform.as_ref().map_or("the site's own", |p| p.name.as_str())),
            quote: b.text.clone(),
        }];
        items.extend(b.buttons.iter().map(|x| Item { label: format!("button '{}': {}", x.label, x.role), quote: None }));
        items.extend(b.flags.iter().map(|f| Item { label: format!("flag: {f}"), quote: None }));
        out.push(Section { title: "Cookie banner", items });
    }
    out.retain(|s| !s.items.is_empty());
    out
}

fn header_lines(r: &Report) -> Vec<String> {
    let d = &r.document;
    let mut lines = vec![r.summary.clone()];
    lines.push(format!("kind: {} (confidence {:.2}); language: {}", d.kind.id(), d.confidence, r.language));
    if let Some(g) = r.grade.letter {
        lines.push(format!("grade: {g} (score {})", r.grade.score));
    }
    let dates = [("effective", &d.effective_date), ("last updated", &d.last_updated)];
    for (label, value) in dates {
        if let Some(v) = value {
            lines.push(format!("{label}: {v}"));
        }
    }
    lines.push(format!("{} words, about {} min to read, grade level {:.1}", d.word_count, d.reading_minutes, d.grade_level));
    lines
}

pub fn text(r: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!("privlens report: {}\n", r.title.as_deref().or(r.url.as_deref()).unwrap_or("(untitled page)")));
    for line in header_lines(r) {
        out.push_str(&format!("  {line}\n"));
    }
    for s in sections(r) {
        out.push_str(&format!("\n{}\n", s.title));
        for i in s.items {
            out.push_str(&format!("  - {}\n", i.label));
            if let Some(q) = i.quote {
                out.push_str(&format!("      \"{q}\"\n"));
            }
        }
    }
    out
}

/// Markdown with page text escaped, so a quote can never inject markup into a shared report.
pub fn markdown(r: &Report) -> String {
    let mut out =
        format!("# privlens report: {}\n\n", escape(r.title.as_deref().or(r.url.as_deref()).unwrap_or("untitled page")));
    for line in header_lines(r) {
        out.push_str(&format!("- {}\n", escape(&line)));
    }
    for s in sections(r) {
        out.push_str(&format!("\n## {}\n\n", s.title));
        for i in s.items {
            out.push_str(&format!("- **{}**", escape(&i.label)));
            if let Some(q) = i.quote {
                out.push_str(&format!("\n  > {}", escape(&q)));
            }
            out.push('\n');
        }
    }
    out
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_{}[]<>()#+-!|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_page_text() {
        assert_eq!(escape("<img onerror=x> [a](b)"), "\\<img onerror=x\\> \\[a\\]\\(b\\)");
    }
}
