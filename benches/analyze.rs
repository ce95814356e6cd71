//! Throughput of the whole Analyze pipeline over real news text.
//!
//! Reads every `.txt` file under `PARALLAX_BENCH_TEXTS` (default: the PolNeAR dev texts in
//! `../shared/data/quotes/polnear/dev/text`), and reports bytes per second for analyzing the
//! whole set, one article at a time on one core, as the server does per request; and the quote
//! stage alone (`quotes::find_quotes` over the analyses' segmentation and entities). The
//! benchmark also checks its input: every article must yield body sentences and words.

mod common;

/// The server's allocator, so the figures are the service's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::{Analyzer, Document, Limits};

fn analyze(c: &mut Criterion) {
    let texts = common::load_texts();
    let documents: Vec<Document> = texts.into_iter().map(Document::from_text).collect();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let analyzer = Analyzer::new(Limits::default());
    // The benchmark doubles as a check that it measures real work.
    let analyses: Vec<_> = documents
        .iter()
        .map(|document| {
            let analysis = analyzer
                .analyze(document)
                .expect("bench texts are valid articles");
            assert!(
                analysis.word_count > 0,
                "an article without body words: {:.60}",
                document.text
            );
            analysis
        })
        .collect();
    assert!(
        analyses.iter().map(|a| a.quotes.len()).sum::<usize>() > 0,
        "bench texts without quotes"
    );
    let name = format!("polnear_dev_{}_articles", documents.len());
    // One group per stage, each timing a pass over every article.
    let mut measure = |stage: &str, pass: &dyn Fn() -> usize| {
        let mut group = c.benchmark_group(stage);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(20);
        group.bench_function(&name, |b| b.iter(pass));
        group.finish();
    };
    measure("analyze", &|| {
        documents
            .iter()
            .map(|d| analyzer.analyze(d).expect("valid").word_count)
            .sum()
    });
    measure("quotes", &|| {
        documents
            .iter()
            .zip(&analyses)
            .map(|(d, a)| {
                parallax::quotes::find_quotes(&d.text, &a.segmentation, &a.entities).len()
            })
            .sum()
    });
}

criterion_group!(benches, analyze);
criterion_main!(benches);
