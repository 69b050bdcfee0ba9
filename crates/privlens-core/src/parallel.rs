//! Two parts of a scan at once, where the build has threads.

/// Below this much text a second thread costs more than it saves.
const MIN_BYTES: usize = 16 * 1024;

/// Whether a page's segments hold enough text to repay a second thread.
pub fn worth_a_thread(segments: &[crate::extract::RawSegment]) -> bool {
    segments.iter().map(|s| s.text.len()).sum::<usize>() >= MIN_BYTES
}

/// `side()` and `main()`, on two threads when `parallel` and the build has threads (wasm in
/// the browser has one: there, one after the other). `main` runs on the calling thread.
pub fn beside<A: Send, B>(parallel: bool, side: impl FnOnce() -> A + Send, main: impl FnOnce() -> B) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    if parallel {
        return std::thread::scope(|scope| {
            let side = scope.spawn(side);
            let main = main();
            (side.join().expect("the side thread does not panic"), main)
        });
    }
    let _ = parallel;
    let main = main();
    (side(), main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_parts_run_and_keep_their_places() {
        for parallel in [false, true] {
            let (a, b) = beside(parallel, || "side".to_string(), || 2 + 2);
            assert_eq!((a.as_str(), b), ("side", 4));
        }
    }
}
