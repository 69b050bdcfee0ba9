//! Profiling aid: scan one file N times, so start-up costs fade from the profile.
//! `cargo run --release -p privlens-core --example scan_repeat -- FILE [N]`

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: scan_repeat FILE [N]");
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(50);
    let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable file")).to_string();
    let start = std::time::Instant::now();
    for _ in 0..n {
        let report = privlens_core::scan(&privlens_core::PageInput { content: &text, ..Default::default() }).expect("scans");
        std::hint::black_box(report);
    }
    eprintln!("{:.2} ms per scan", start.elapsed().as_secs_f64() * 1000.0 / n as f64);
}
