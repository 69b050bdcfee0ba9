//! The third-party scripts and frames a page loads, grouped by the organisation behind them
//! (from the script domains in `data/third_parties/`), and which of those organisations the
//! site's policy never names.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::knowledge::{KnownParty, knowledge};
use crate::report::{ThirdParty, Tracker, Trackers};

/// Domain → index into the known parties.
fn domain_index() -> &'static HashMap<String, usize> {
    static D: OnceLock<HashMap<String, usize>> = OnceLock::new();
    D.get_or_init(|| {
        let mut index = HashMap::new();
        for (i, p) in knowledge().parties.iter().enumerate() {
            for d in &p.domains {
                index.entry(d.to_ascii_lowercase()).or_insert(i);
            }
        }
        index
    })
}

pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("//").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The known party serving `host`: the longest listed domain it belongs to.
fn party_of(host: &str) -> Option<&'static KnownParty> {
    let index = domain_index();
    let mut rest = host;
    loop {
        if let Some(i) = index.get(rest) {
            return Some(&knowledge().parties[*i]);
        }
        rest = rest.split_once('.')?.1;
        if !rest.contains('.') {
            return None;
        }
    }
}

/// "www.shop.example.co.uk" and "cdn.shop.example.co.uk" are one site: compare the last two
/// labels, three when the second-level label is a registry's ("co.uk", "com.au").
pub(crate) fn site_of(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').collect();
    let registry = labels.len() >= 3 && matches!(labels[labels.len() - 2], "co" | "com" | "org" | "net" | "ac" | "gov" | "edu");
    let keep = if registry { 3 } else { 2 };
    labels[labels.len().saturating_sub(keep)..].join(".")
}

fn owner(p: &KnownParty) -> &str {
    p.owner.as_deref().unwrap_or(&p.name)
}

/// `markers`: what the page loads, as `src:URL`. `named`: the recipients the policy names.
pub fn trackers(markers: &[String], page_url: Option<&str>, named: &[ThirdParty]) -> Trackers {
    let own_site = page_url.and_then(host_of).map(|h| site_of(&h));
    let k = knowledge();
    let named_owners: Vec<&str> =
        named.iter().filter(|t| !t.generic).filter_map(|t| k.parties.iter().find(|p| p.name == t.name)).map(owner).collect();
    let mut out: Vec<Tracker> = Vec::new();
    for host in markers.iter().filter_map(|m| m.strip_prefix("src:")).filter_map(host_of) {
        if own_site.as_deref() == Some(site_of(&host).as_str()) {
            continue;
        }
        let Some(party) = party_of(&host) else { continue };
        let organisation = owner(party).to_string();
        let entry = match out.iter_mut().position(|t| t.organisation == organisation) {
            Some(i) => &mut out[i],
            None => {
                out.push(Tracker {
                    disclosed: named_owners.contains(&organisation.as_str()),
                    organisation,
                    category: party.category.clone(),
                    services: Vec::new(),
                    hosts: Vec::new(),
                });
                out.last_mut().unwrap()
            }
        };
        if !entry.services.contains(&party.name) {
            entry.services.push(party.name.clone());
        }
        if !entry.hosts.contains(&host) {
            entry.hosts.push(host);
        }
    }
    let undisclosed = out.iter().filter(|t| !t.disclosed).map(|t| t.organisation.clone()).collect();
    Trackers { organisations: out, undisclosed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> ThirdParty {
        ThirdParty { name: name.into(), category: "analytics".into(), generic: false, id: None, evidence: vec![] }
    }

    #[test]
    fn scripts_are_grouped_by_organisation_and_checked_against_the_policy() {
        let markers: Vec<String> = [
            "src:https://www.googletagmanager.com/gtag/js?id=G-1",
            "src:https://www.google-analytics.com/analytics.js",
            "src:https://connect.facebook.net/en_US/fbevents.js",
            "src:https://cdn.shop.example/app.js",
            "src:https://unknown-cdn.example.org/x.js",
        ]
        .map(String::from)
        .to_vec();
        let t = trackers(&markers, Some("https://www.shop.example/privacy"), &[named("Google Analytics")]);
        let orgs: Vec<(&str, bool)> = t.organisations.iter().map(|o| (o.organisation.as_str(), o.disclosed)).collect();
        assert_eq!(orgs, vec![("Google", true), ("Meta", false)]);
        assert_eq!(t.organisations[0].services, vec!["Google Tag Manager", "Google Analytics"]);
        assert_eq!(t.undisclosed, vec!["Meta"]);
    }

    #[test]
    fn the_sites_own_hosts_are_not_third_parties() {
        assert_eq!(site_of("cdn.shop.example.co.uk"), "example.co.uk");
        assert_eq!(site_of("www.shop.example"), "shop.example");
        let t = trackers(&["src:https://static.facebook.com/x.js".into()], Some("https://www.facebook.com/policy"), &[]);
        assert!(t.organisations.is_empty());
    }
}
