//! HTML character references: numeric ones and the named ones policies actually use.

pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        match decode_one(rest) {
            Some((decoded, used)) => {
                out.push_str(&decoded);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Decode the reference at the start of `s` ("&amp;..."); returns the text and bytes used.
fn decode_one(s: &str) -> Option<(String, usize)> {
    let end = s[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|i| i + 1)?;
    let name = &s[1..end];
    let used = if s[end..].starts_with(';') { end + 1 } else { end };
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let c = char::from_u32(code).filter(|c| *c != '\0').unwrap_or('\u{fffd}');
        return Some((c.to_string(), used));
    }
    let text = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "bull" => "•",
        "middot" => "·",
        "sect" => "§",
        "euro" => "€",
        "pound" => "£",
        "times" => "×",
        "shy" => "",
        "auml" => "ä",
        "ouml" => "ö",
        "uuml" => "ü",
        "Auml" => "Ä",
        "Ouml" => "Ö",
        "Uuml" => "Ü",
        "szlig" => "ß",
        "eacute" => "é",
        "egrave" => "è",
        "agrave" => "à",
        "ccedil" => "ç",
        _ => return None,
    };
    Some((text.to_string(), used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(decode_entities("AT&amp;T &lt;b&gt; &#169; &#x2019;s"), "AT&T <b> © ’s");
        assert_eq!(decode_entities("Daten&shy;schutz f&uuml;r"), "Datenschutz für");
    }

    #[test]
    fn leaves_unknown_or_bare_ampersands() {
        assert_eq!(decode_entities("Q&A & more &bogus;"), "Q&A & more &bogus;");
        assert_eq!(decode_entities("&#0; end &"), "\u{fffd} end &");
    }
}
