//! Heap bytes one stored article costs, and where they go: the analysis, the story index's
//! profile, the comparison inputs, the index itself. Counted by a global allocator that keeps a
//! running total, over PolNeAR articles added to a corpus.
//!
//! `cargo run --release --example article_memory [N]` (default 1,000 articles).

#[path = "../benches/common/mod.rs"]
mod common;

use std::alloc::{GlobalAlloc, Layout};

use mimalloc::MiMalloc;
use std::sync::atomic::{AtomicIsize, Ordering};

use parallax::{Analyzer, Corpus, Document, Limits, Timestamp};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call forwards to mimalloc (the server's allocator) with the same layout; the counter is
// only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: same layout as the caller's.
        unsafe { MiMalloc.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `alloc` with this layout.
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        // SAFETY: forwarded unchanged.
        unsafe { MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let source = common::load_polnear();
    let analyzer = Analyzer::new(Limits {
        max_articles: n + 1,
        ..Limits::default()
    });
    let mut text_bytes = 0usize;
    let mut analyses = 0isize;
    // Analysis alone: what one analysis holds once it is done.
    for article in source.iter().take(200) {
        let document = Document {
            text: article.text.clone(),
            ..Document::default()
        };
        let before = live();
        let analysis = analyzer.analyze(&document).expect("analyzed");
        analyses += live() - before;
        drop(analysis);
    }
    let per_analysis = analyses / 200;
    let corpus = Corpus::new(analyzer);
    let before = live();
    for i in 0..n {
        let article = &source[i % source.len()];
        let document = Document {
            text: format!("{}\n\n{i}", article.text),
            title: article.title.clone(),
            source: article.publisher.clone(),
            published_at: Timestamp::parse(&article.date, "date").ok(),
            ..Document::default()
        };
        text_bytes += document.text.len();
        corpus.add(None, document).expect("added");
    }
    let total = live() - before;
    let per = total as f64 / n as f64;
    println!(
        "{n} articles, {:.1} KiB of text each: {:.1} KiB of heap each ({:.1}x the text); one analysis alone holds {:.1} KiB",
        text_bytes as f64 / n as f64 / 1024.0,
        per / 1024.0,
        per / (text_bytes as f64 / n as f64),
        per_analysis as f64 / 1024.0,
    );
}
