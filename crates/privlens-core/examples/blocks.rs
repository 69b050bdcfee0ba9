//! Debugging aid: print the blocks a page is read into, with their flags, and the body range.
//! `cargo run -p privlens-core --example blocks -- FILE`

fn main() {
    let path = std::env::args().nth(1).expect("usage: blocks FILE");
    let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable file")).to_string();
    let page = privlens_core::extract::extract(&text, privlens_core::extract::sniff_format(&text));
    let (_, body) = privlens_core::extract::split_segments(&page.blocks);
    println!("title: {:?}  lang: {:?}  body: {:?}", page.title, page.lang, body);
    for (i, b) in page.blocks.iter().enumerate() {
        let flags = format!("{}{}", if b.boilerplate { "B" } else { "-" }, if b.link_only { "L" } else { "-" });
        let text: String = b.text.chars().take(100).collect();
        println!("{i:4} {flags} {:?} {text}", b.kind);
    }
}
