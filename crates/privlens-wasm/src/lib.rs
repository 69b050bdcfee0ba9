//! The wasm boundary: a page in (a plain JS object), a report out (a plain JS object).
//! All analysis lives in `privlens-core`; this crate only converts.

use privlens_core::{Format, PageInput, scan as core_scan};
use serde::Deserialize;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What the extension sends: the page's HTML (or text), its URL and title, and consent
/// markers the content script saw on the live page.
#[derive(Deserialize)]
pub struct ScanRequest {
    pub content: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// "html", "markdown" or "text"; guessed when absent.
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub markers: Vec<String>,
}

fn format_of(name: Option<&str>) -> Option<Format> {
    match name? {
        "html" => Some(Format::Html),
        "markdown" => Some(Format::Markdown),
        "text" => Some(Format::Text),
        _ => None,
    }
}

/// Scan a page; throws an Error with a plain message on bad input.
#[wasm_bindgen]
pub fn scan(request: JsValue) -> Result<JsValue, JsError> {
    let req: ScanRequest =
        serde_wasm_bindgen::from_value(request).map_err(|e| JsError::new(&format!("bad scan request: {e}")))?;
    let input = PageInput {
        content: &req.content,
        url: req.url.as_deref(),
        title: req.title.as_deref(),
        format: format_of(req.format.as_deref()),
        markers: req.markers,
    };
    let report = core_scan(&input).map_err(|e| JsError::new(&e.to_string()))?;
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the report: {e}")))
}

/// A banner element the content script found on a live page.
#[derive(Deserialize)]
pub struct BannerRequest {
    pub html: String,
    #[serde(default)]
    pub hints: privlens_core::banner::BannerHints,
}

/// Analyse a live page's banner: platform, button roles, flags.
#[wasm_bindgen]
pub fn analyse_banner(request: JsValue) -> Result<JsValue, JsError> {
    let req: BannerRequest =
        serde_wasm_bindgen::from_value(request).map_err(|e| JsError::new(&format!("bad banner request: {e}")))?;
    let banner = privlens_core::banner::analyse_live(&req.html, &req.hints);
    banner
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the banner: {e}")))
}

/// The role of a banner button from its label: accept, reject, settings, save, close, pay, other.
#[wasm_bindgen]
pub fn button_role(label: &str) -> String {
    privlens_core::banner::role_of_label(label).to_string()
}

/// The report as Markdown, for "Copy as Markdown" (page text escaped).
#[wasm_bindgen]
pub fn report_markdown(report: JsValue) -> Result<String, JsError> {
    let report: privlens_core::Report =
        serde_wasm_bindgen::from_value(report).map_err(|e| JsError::new(&format!("bad report: {e}")))?;
    Ok(privlens_core::render::markdown(&report))
}

/// The OPP-115 categories of each segment text: `[{categories, scores}]`, in order.
#[wasm_bindgen]
pub fn classify_segments(texts: Vec<String>) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Classified {
        categories: Vec<String>,
        scores: std::collections::BTreeMap<String, f64>,
    }
    let out: Vec<Classified> = texts
        .iter()
        .map(|t| {
            let (categories, scores) = privlens_core::categorise::categorise(None, t);
            Classified { categories, scores }
        })
        .collect();
    out.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// The core's version, for the popup's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
