//! Whether a data word names the reader's data: "email" the channel or "email" the address,
//! "health" the data or "Kaleida Health" the hospital, a word in a list of data or alone.

use super::NEGATED_COLLECT;
use crate::knowledge::Knowledge;
use crate::sentences::{clause, contains_phrase, has_any, head, starts_with_word, tail, verb_negated};

/// Words after a data type that make it the name of a service or of an organisation rather
/// than data: "credit card processing", "credit card companies", "health care".
const NOT_DATA_AFTER: &[&str] = &[
    "processing",
    "processor",
    "processors",
    "company",
    "companies",
    "organization",
    "organizations",
    "network",
    "networks",
    "offerings",
    "issuer",
    "issuers",
    "care",
    "plan",
    "plans",
    "providers",
    "provider",
    "professionals",
    "insurance",
    "or safety",
    "and safety",
    "of your internet",
    "of the",
    "of a",
    "of an",
    "campaigns",
    "newsletters",
    "newsletter",
    "marketing",
    "programs",
    "program",
    "services",
    "service",
    "payments",
    "problems",
    "messages",
    "message",
    "calls",
    "communications",
    ", safety",
    "for a particular",
    "minutes",
    "book",
    "preferences",
    "of our",
    "of its",
];
/// Words before a data type that make it a place or a purpose rather than data: "laws outside
/// your country of residence".
const NOT_DATA_BEFORE: &[&str] = &["outside your", "outside the", "within your", "laws of your", "in your"];
/// Verbs that make a purchase word the business being done rather than data about it: "to
/// process transactions", "fulfill your orders", "credit card processing, shipping or stocking orders".
const SERVICE_VERBS: &[&str] =
    &["process", "fulfil", "complet", "facilitat", "stock", "ship", "handl", "authoriz", "authoris", "execut", "manag"];
/// How a bare word may still name the reader's data.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    /// Only next to other personal data: "name, email and phone number".
    Listed,
    /// Next to other personal data or as the reader's own: "your name", "your purchases".
    ListedOrOwned,
    /// Only as the reader's own: "your company" (a list's "credit card company" is a company).
    Owned,
}
/// Bare words that name the reader's data only in context (or in a list introduced by "we
/// collect:"). Otherwise they name a channel ("we send email"), a place ("transferred to
/// another country"), a service ("to process transactions"), a purpose ("ads tailored to your
/// interests") or another thing ("domain names", "a credit card company").
const VAGUE: &[(&str, &[&str], Context)] = &[
    ("email", &["email", "e-mail", "emails"], Context::Listed),
    ("name", &["name", "names"], Context::ListedOrOwned),
    ("coarse_location", &["country", "city", "region"], Context::Listed),
    ("purchase_history", &["transactions", "orders", "purchases"], Context::ListedOrOwned),
    ("employment_education", &["company", "organization", "employer"], Context::Owned),
    ("employment_education", &["employment", "education"], Context::Listed),
    ("inferences", &["interests"], Context::ListedOrOwned),
    ("usage_activity", &["activity", "interactions"], Context::ListedOrOwned),
    ("user_content", &["posts", "comments", "reviews"], Context::ListedOrOwned),
    ("photos_media", &["photos", "images", "videos"], Context::ListedOrOwned),
    ("postal_address", &["address", "addresses"], Context::Listed),
];
const OWNER_WORDS: &[&str] = &[
    "your",
    "their",
    "his",
    "her",
    "my",
    "user's",
    "users'",
    "customer's",
    "customers'",
    "visitor's",
    "visitors'",
    "member's",
    "members'",
    "person's",
    "individual's",
    "child's",
    "parent's",
    "friend's",
    "recipient's",
    "full",
    "real",
];
/// Kinds that do not make a list of the reader's data: tracking tools and messages ("links,
/// emails, and ads", "a one-pixel gif to see whether readers viewed the email").
const NOT_PARTNERS: &[&str] = &["cookies_tracking", "communications"];
/// How far (in characters, inside the clause) a list of data is looked for around a word.
const LIST_REACH: usize = 60;
/// Whether the words at `at..end` have another sense of their kind even in a list of data
/// items ("Twitter International Company", "address fraud, security or technical issues", "court
/// orders", "your vital interests").
pub(super) fn other_sense_at(text: &str, id: &str, at: usize, end: usize) -> bool {
    // Other kinds' senses ("payment details, including card number") are right in a list.
    if !matches!(
        id,
        "employment_education" | "postal_address" | "health" | "inferences" | "purchase_history" | "precise_location"
    ) {
        return false;
    }
    let after = lower_head(text[end..].trim_start());
    let before = lower_tail(text[..at].trim_end());
    other_sense(text, id, &text[at..end].to_lowercase(), (at, end), &before, &after)
}

/// Whether the words at `at..end` name something other than the reader's data.
pub(super) fn not_data(k: &Knowledge, text: &str, id: &str, at: usize, end: usize) -> bool {
    let after = lower_head(text[end..].trim_start());
    let word = text[at..end].to_lowercase();
    let before = lower_tail(text[..at].trim_end());
    if starts_with_word(&after, NOT_DATA_AFTER) {
        // "email address of the sender" is still an address; only bare words name a service,
        // and "the IP address of our server" is the server's.
        let bare = !word.ends_with("address") && !word.ends_with("number");
        return bare || (id == "ip_address" && other_sense(text, id, &word, (at, end), &before, &after));
    }
    let place = id == "coarse_location" && NOT_DATA_BEFORE.iter().any(|w| before.ends_with(w));
    if place || in_proper_name(text, at, end) || other_sense(text, id, &word, (at, end), &before, &after) {
        return true;
    }
    let Some(&(_, _, context)) = VAGUE.iter().find(|(i, words, _)| *i == id && words.contains(&word.as_str())) else {
        return false;
    };
    // "domain names", "the name of your ISP", "file name": another thing's name.
    let thing =
        ["domain", "host", "file", "brand", "product", "company", "site", "trade", "network", "device", "computer", "server"];
    if id == "name" && (after.starts_with("of ") || thing.iter().any(|t| before.ends_with(t))) {
        return true;
    }
    if id == "purchase_history" && served(text, at) {
        return true;
    }
    // "ads tailored to your interests", "based on your interests": a purpose, not a profile
    // (unlike "to understand your interests").
    if id == "inferences" && ["to your", "on your", "match your", "matches your", "with your"].iter().any(|p| before.ends_with(p))
    {
        return true;
    }
    let by_owner = context != Context::Listed && owned(text, at);
    let by_list = context != Context::Owned && listed(k, text, id, at, end);
    !(by_owner || by_list)
}

/// Words among the three before a message word that make the messages ours to the reader, not
/// the reader's to us: "receiving text messages", "marketing communications".
const OUTBOUND: &[&str] = &["receiv", "marketing", "promotional", "advertis", "discontinu", "unsubscrib", "newsletter"];
/// Tracking tools whose "unique identifier" is the cookie's own, not the device's.
const TRACKER_WORDS: &[&str] = &["cookie", "beacon", "pixel", "gif", "graphic", "tag"];
const DEVICE_WORDS: &[&str] = &["device", "mobile", "advertising", "phone", "hardware"];
/// "contact you by email, SMS or voice", "voice minutes", "your name, voice and likeness".
const VOICE_AS_CHANNEL: &[&str] = &["sms", "mms", "text message", "communicate with you", "contact you", "likeness", "minutes"];
const NETWORK_WORDS: &[&str] = &["internet", "ip", "protocol", "web", "url", "domain", "host", "computer", "browser", "server"];

/// Senses of single kinds: a message sent to the reader, a cookie's identifier, "your
/// interests, rights and freedoms", public health, the company behind an IP address.
fn other_sense(text: &str, id: &str, word: &str, (at, end): (usize, usize), before: &str, after: &str) -> bool {
    // Only some kinds look at the clause: it is found when one asks.
    let in_clause = |phrases: &[&str]| {
        let (cs, ce) = clause(text, at);
        contains_phrase(&text[cs..ce], phrases)
    };
    match id {
        "communications" => {
            before.split_whitespace().rev().take(3).any(|w| OUTBOUND.iter().any(|o| w.starts_with(o)))
                || after.starts_with("from us")
        }
        // A cookie's definition often spans clauses: the whole sentence is read.
        "device_identifiers" => {
            word.starts_with("unique identifier") && contains_phrase(text, TRACKER_WORDS) && !contains_phrase(text, DEVICE_WORDS)
        }
        "audio" => word == "voice" && in_clause(VOICE_AS_CHANNEL),
        "financial" => word.starts_with("payment") && card_only(after),
        // "your interests, rights and freedoms", "our legitimate interests", a location "inferred"
        // from an IP address (that is the location, not a profile).
        "inferences" => {
            after.starts_with(", rights")
                || after.starts_with("and fundamental")
                || in_clause(&["hobb"])
                || INTERESTS_AT_LAW.iter().any(|w| before.ends_with(w))
                || (word.starts_with("infer") && in_clause(&["location"]))
        }
        // Public or employee health, or health as what a disclosure protects ("to protect
        // health or life", vital interests).
        "health" => {
            before.ends_with("public")
                || before.ends_with("employee")
                || before.ends_with("protect")
                || in_clause(&["vital interest", "health or life", "life or health", "life, physical"])
        }
        // "Location Information: we don't collect precise geolocation, but...": a sentence that
        // denies a precise location names none, whatever else it calls location.
        // "Depending on your location": where the reader lives, not data.
        "precise_location" => before.ends_with("depending on") || denies_precise_location(text),
        // "court orders", "government legal orders".
        "purchase_history" => word.starts_with("order") && ORDERS_AT_LAW.iter().any(|w| before.ends_with(w)),
        // "your contacts with our Customer Service": dealings, not an address book.
        "contacts" => ["with our", "with us", "with customer"].iter().any(|w| after.starts_with(w)),
        // "the IP address of our server": not the reader's.
        "ip_address" => {
            let h = head(after, 40);
            (h.starts_with("of our") || h.starts_with("of the"))
                && has_any(h, &["server", "service", "site"])
                && !has_any(h, &["device", "computer", "user"])
        }
        // "your organization's country of operation", "Twitter International Company".
        "employment_education" => {
            in_clause(&["isp", "internet service provider", "internet provider"])
                || (organisation_word(word)
                    && (names_an_organisation(text, (at, end), before, after) || in_clause(&["on behalf of"])))
        }
        // A bare "address" next to a name is a postal one; next to networks it is a web address,
        // and before "fraud" or "issues" it is a verb.
        "postal_address" => word.starts_with("address") && (in_clause(NETWORK_WORDS) || starts_with_word(after, ADDRESSED)),
        _ => false,
    }
}

/// "your organization's country", "Ford Motor Company", "G Suite for Education", "the Company"
/// (the policy's defined term for itself): an organisation, not the reader's employer or school.
fn names_an_organisation(text: &str, (at, end): (usize, usize), before: &str, after: &str) -> bool {
    let possessive = (after.starts_with("'s") || after.starts_with("’s")) && !head(after, 12).contains("name");
    let defined_term = before.ends_with("the") && text[at..].starts_with(|c: char| c.is_uppercase());
    possessive || defined_term || in_proper_name(text, at, end)
}

fn organisation_word(word: &str) -> bool {
    let last = word.split_whitespace().next_back().unwrap_or(word);
    ["compan", "organi", "educat", "universit", "school"].iter().any(|w| last.starts_with(w))
}

/// What one addresses when "address" is a verb: "otherwise address fraud, security or
/// technical issues".
const ADDRESSED: &[&str] = &[
    "fraud",
    "security",
    "technical",
    "issues",
    "concerns",
    "questions",
    "complaints",
    "problems",
    "violations",
    "violation",
    "abuse",
    "harm",
    "misuse",
    "risks",
    "incidents",
    "bugs",
];
/// Interests the law weighs, not the reader's: "our (or others') legitimate interests".
const INTERESTS_AT_LAW: &[&str] = &["legitimate", "vital", "best", "public"];
/// Orders that are no purchases: "court orders", "government legal orders".
const ORDERS_AT_LAW: &[&str] = &["court", "legal", "judicial", "protective", "restraining", "administrative"];

/// The sentence says the site does not collect or track a precise location.
fn denies_precise_location(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower
        .match_indices("precise")
        .any(|(at, _)| verb_negated(text, at, &["collect", "track", "gather", "store", "use", "receive"]))
}

/// "location information, derived from your IP address", "the geographic location associated
/// with your IP address": a location (ending at byte `end` of `text`) as coarse as the address
/// it comes from, unless the device tells it too ("from your IP address or through location
/// based services").
pub(super) fn derived_from_ip(text: &str, end: usize) -> bool {
    let after = head(text[end..].trim_start(), 120).to_lowercase();
    let h = head(&after, 60);
    // "Location Information (IP based only)".
    let ip_based = h.starts_with("(ip based") || h.starts_with("(ip-based");
    (ip_based
        || h.contains("ip address")
            && ["associated with", "derived from", "based on", "inferred from", "estimated from", "from your ip"]
                .iter()
                .any(|w| h.contains(w)))
        && !has_any(&after, &["gps", "location based", "location-based", "location services", "device"])
}

/// "payment details (including payment card number...)": card data, which `payment_card` holds.
fn card_only(after: &str) -> bool {
    let opens_list =
        ["(including", "(such as", "(e.g", ", including", "such as", "including"].iter().any(|w| after.starts_with(w));
    opens_list && head(after, 40).contains("card")
}

/// A processing verb among the three words before: "process your transactions".
pub(super) fn served(text: &str, at: usize) -> bool {
    text[..at].split_whitespace().rev().take(3).any(|w| SERVICE_VERBS.iter().any(|v| w.to_lowercase().starts_with(v)))
}

/// "your name", "the user's name".
pub(super) fn owned(text: &str, at: usize) -> bool {
    let before = lower_tail(text[..at].trim_end());
    let prev = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("").replace('’', "'");
    OWNER_WORDS.contains(&prev.as_str()) && !before.ends_with("in your") && !before.ends_with("under your")
}

/// Whether the word stands in a list of data: another data type within reach in the clause,
/// joined by a comma, "and", "or" or a slash.
pub(super) fn listed(k: &Knowledge, text: &str, id: &str, at: usize, end: usize) -> bool {
    let (cs, ce) = clause(text, at);
    let from = text[cs..at].char_indices().rev().nth(LIST_REACH).map_or(cs, |(i, _)| cs + i);
    let to = text[end..ce].char_indices().nth(LIST_REACH).map_or(ce, |(i, _)| end + i);
    let window = &text[from..to];
    let joined = [",", " and ", " or ", "/", ";"].iter().any(|j| window.contains(j));
    // A partner of the same kind does not count: "domain names and the name of your ISP".
    // Nor does a vague partner other than a name or email: "fulfill orders, send mail or email".
    let own = k.data_types.index(id);
    let partner = |m: &crate::matcher::PhraseMatch| {
        let (pid, pword) = (k.data_types.ids[m.entry].as_str(), window[m.start..m.end].to_lowercase());
        let vague = VAGUE.iter().any(|(i, ws, _)| *i == pid && ws.contains(&pword.as_str()));
        Some(m.entry) != own && !NOT_PARTNERS.contains(&pid) && (matches!(pid, "name" | "email") || !vague)
    };
    joined && k.data_types.matcher.find_all(window).iter().any(|m| from + m.start != at && partner(m))
}

/// A capitalised word inside a run of capitalised words is part of a proper name ("Kaleida
/// Health", "Department of Health", "Research & Education"), unless the run is a title-case
/// list or heading ("Name, Email Address").
pub(super) fn in_proper_name(text: &str, at: usize, end: usize) -> bool {
    if !text[at..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    // "our Health Wellness operations", "Everyday Health Media": a capitalised word right after
    // the match continues a name (the match itself ends at a word boundary).
    let starts_sentence = text[..at].trim().is_empty();
    if !starts_sentence && text[end..].strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_uppercase())) {
        return true;
    }
    let mut words = text[..at].split_whitespace().rev();
    let mut prev = words.next();
    if matches!(prev, Some("&" | "of" | "for")) {
        prev = words.next();
    }
    prev.is_some_and(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars().last().is_some_and(char::is_alphanumeric)
            && !matches!(
                w.to_lowercase().as_str(),
                "your" | "our" | "the" | "a" | "an" | "my" | "and" | "or" | "what" | "which" | "how" | "why" | "about"
            )
    })
}

/// Negations the clause splitter cuts off: "We do not, however, collect IP addresses" (the
/// aside ends the clause), "the domain name and browser version but not the e-mail address"
/// (the item itself is excluded).
pub(super) fn negated_aside(text: &str, at: usize) -> bool {
    let tail = lower_tail(&text[..at]);
    let tail = tail.trim_end();
    let excluded_item = [" not", " not the", " not your", " not any", " nor", " nor the", " nor your", " never your"]
        .iter()
        .any(|n| tail.ends_with(n));
    // Asides are rare: the whole prefix is lower-cased only when one may be there.
    let may_have_aside = text[..at].contains("owever,") || text[..at].contains("hough,");
    let aside = may_have_aside && {
        let before = text[..at].to_lowercase();
        ["not, however,", "never, however,", "not, though,"]
            .iter()
            .filter_map(|a| before.rfind(a).map(|i| before[i..].to_string()))
            .any(|rest| !rest.contains(['.', ';']) && has_any(&rest, NEGATED_COLLECT))
    };
    excluded_item || aside
}

/// How much text around a word the tests here look at: the longest phrase they compare is far shorter.
const NEAR: usize = 64;

/// The lower-cased end of `text`, about `NEAR` bytes, starting at a word: a word cut in two
/// could pass for another ("xyour" as "your").
fn lower_tail(text: &str) -> String {
    let end = tail(text, NEAR);
    let whole = end.len() == text.len();
    if whole { end } else { end.find(char::is_whitespace).map_or(end, |i| &end[i..]) }.to_lowercase()
}

/// The lower-cased start of `text`, about `NEAR` bytes.
fn lower_head(text: &str) -> String {
    head(text, NEAR).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::knowledge;

    /// The data types `text`, read on its own, says are collected.
    fn collected_ids(text: &str) -> Vec<String> {
        crate::practices_of_text(text, None).data_collected.into_iter().map(|f| f.id).collect()
    }

    /// Whether `word` (the first one in `text`) is found to name something else than data `id`.
    fn not_data_at(text: &str, word: &str, id: &str) -> bool {
        let at = text.find(word).unwrap();
        not_data(knowledge(), text, id, at, at + word.len())
    }

    #[test]
    fn bare_words_need_personal_context() {
        assert!(not_data_at("We may send you email about new features.", "email", "email"));
        assert!(!not_data_at("We ask for your name, email and phone number.", "email", "email"));
        assert!(not_data_at("We log domain names and the name of your ISP.", "names", "name"));
        assert!(!not_data_at("Please tell us your name.", "name", "name"));
    }

    #[test]
    fn services_and_proper_names_are_not_data() {
        assert!(not_data_at("We use a credit card processing company.", "credit card", "payment_card"));
        assert!(not_data_at("Kaleida Health will protect your records.", "Health", "health"));
        assert!(!not_data_at("We collect health information.", "health", "health"));
    }

    #[test]
    fn verbs_firms_and_staff_are_not_the_readers_data() {
        let t = "We collect your name and use it to detect, prevent, or otherwise address fraud, security or technical issues.";
        assert!(!collected_ids(t).contains(&"postal_address".to_string()), "{:?}", collected_ids(t));
        let t = "We collect your email address and your organization's country of operation.";
        assert!(!collected_ids(t).contains(&"employment_education".to_string()), "{:?}", collected_ids(t));
        let t = "In the event we obtain actual knowledge that we have collected information from children under 13, we will remove such information.";
        assert!(!collected_ids(t).contains(&"children_data".to_string()), "{:?}", collected_ids(t));
        let t = "We knowingly collect personal information from children under 13 with parental consent.";
        assert!(collected_ids(t).contains(&"children_data".to_string()), "{:?}", collected_ids(t));
        let t = "We collect your job title and employer.";
        assert!(collected_ids(t).contains(&"employment_education".to_string()), "{:?}", collected_ids(t));
    }

    #[test]
    fn words_of_law_servers_and_dealings_are_not_the_readers_data() {
        assert!(not_data_at("We use it to find and address violations of our terms.", "address", "postal_address"));
        assert!(not_data_at("As necessary for our (or others') legitimate interests.", "interests", "inferences"));
        assert!(not_data_at("We may disclose it in urgent situations to protect health or life.", "health", "health"));
        assert!(not_data_at("We respond to court orders and subpoenas.", "orders", "purchase_history"));
        assert!(not_data_at("Information about your contacts with our Customer Service.", "contacts", "contacts"));
        assert!(not_data_at("We see the IP address of our Threads server.", "IP address", "ip_address"));
        assert!(!not_data_at("We log the IP address of the device you use.", "IP address", "ip_address"));
        assert!(not_data_at("Geolocation data (we don't collect precise geolocation).", "Geolocation data", "precise_location"));
        assert!(not_data_at("Depending on your location, we may ask for more.", "your location", "precise_location"));
        let t = "We collect location information, derived from your IP address.";
        assert!(derived_from_ip(t, t.find(" derived").unwrap()));
        assert_eq!(collected_ids(t), vec!["coarse_location".to_string(), "ip_address".to_string()]);
        let t = "We collect your location (derived from your IP address or through location services on your device).";
        assert!(!derived_from_ip(t, t.find(" (derived").unwrap()));
    }

    #[test]
    fn a_definition_of_the_sites_own_data_is_collection() {
        let t =
            "User Registration Data means data collected at the time of registration, including your phone number and username.";
        assert!(
            collected_ids(t).contains(&"phone".to_string()) && collected_ids(t).contains(&"username".to_string()),
            "{:?}",
            collected_ids(t)
        );
        let t = "Personal data means any information about a person, such as a phone number.";
        assert!(!collected_ids(t).contains(&"phone".to_string()), "{:?}", collected_ids(t));
    }

    #[test]
    fn single_kinds_have_other_senses() {
        assert!(not_data_at("To stop receiving text messages, reply STOP.", "messages", "communications"));
        assert!(not_data_at("We may send you marketing communications.", "communications", "communications"));
        assert!(!not_data_at("We keep the messages you send to our support team.", "messages", "communications"));
        assert!(not_data_at(
            "A cookie is a small file, often with a unique identifier.",
            "unique identifier",
            "device_identifiers"
        ));
        assert!(!not_data_at("We collect a unique identifier of your mobile device.", "unique identifier", "device_identifiers"));
        assert!(not_data_at("Unless they override your interests, rights and freedoms.", "interests", "inferences"));
        assert!(not_data_at("In an emergency involving public health.", "health", "health"));
        assert!(not_data_at("We check the health of our services.", "health", "health"));
        assert!(not_data_at(
            "Your IP address may identify your Internet service provider, your company or your university.",
            "company",
            "employment_education"
        ));
        assert!(not_data_at("This is the voice minutes you used.", "voice", "audio"));
        assert!(not_data_at("We may communicate with you via email, SMS or voice.", "voice", "audio"));
        assert!(!not_data_at("We record your voice when you use voice search.", "voice", "audio"));
        assert!(not_data_at("Payment details (including payment card number and expiry date).", "Payment details", "financial"));
        assert!(!not_data_at("We collect payment details such as your bank account.", "payment details", "financial"));
        assert!(!not_data_at("We ask for your name, address and phone number.", "address", "postal_address"));
        assert!(not_data_at("We will address your concerns.", "address", "postal_address"));
        assert!(not_data_at(
            "We log the domain name, the Internet address and the pages you visit.",
            "address",
            "postal_address"
        ));
    }

    #[test]
    fn negations_cut_off_by_asides_still_count() {
        let negated = |t: &str, word: &str| negated_aside(t, t.find(word).unwrap());
        assert!(negated("We do not, however, collect IP addresses.", "IP"));
        assert!(negated("The server recognizes your browser version but not the e-mail address.", "e-mail"));
        assert!(!negated("We collect your email address.", "email"));
    }
}
