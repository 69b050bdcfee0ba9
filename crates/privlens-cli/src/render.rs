//! The report for people: rendered by the core, shared with the browser extension.
pub use privlens_core::render::{markdown, text};
