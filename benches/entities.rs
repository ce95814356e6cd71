//! Entity recognition and grouping over real news text, and the cost of loading the models.
//!
//! `entities/polnear_dev_*`: tagging every BODY and HEADLINE sentence and grouping the mentions
//! into entities ([`parallax::entities::find_entities`]), on text already segmented, one article
//! at a time on one core; throughput in bytes of article text. `entities/load_models`: parsing
//! the built-in model, gazetteer and casing lexicon from the bytes compiled into the binary, as
//! the server does once at start-up. Before measuring, the benchmark prints the resident memory
//! the loaded models take (Linux only) and checks that every article yields entities.

mod common;

/// The server's allocator, so the figures are the service's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::entities::{Recognizer, casing, find_entities, gazetteer, model};

fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn entities(c: &mut Criterion) {
    let texts = common::load_texts();
    let segmented: Vec<_> = texts.iter().map(|t| parallax::segment(t, None)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let before = resident_kib();
    let recognizer = Recognizer::builtin();
    if let (Some(before), Some(after)) = (before, resident_kib()) {
        eprintln!(
            "resident memory of the loaded models: {:.1} MiB",
            after.saturating_sub(before) as f64 / 1024.0
        );
    }
    let mut found = 0;
    for (text, seg) in texts.iter().zip(&segmented) {
        let entities = find_entities(text, seg, &recognizer);
        assert!(
            !entities.is_empty(),
            "an article without entities: {text:.60}"
        );
        found += entities.len();
    }
    eprintln!("{found} entities in {} articles", texts.len());

    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(format!("polnear_dev_{}_articles", texts.len()), |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&segmented)
                .map(|(text, seg)| find_entities(text, seg, &recognizer).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("entities");
    group.sample_size(10);
    group.bench_function("load_models", |b| {
        b.iter(|| {
            let model = model::Model::from_bytes(model::BUILTIN).expect("built-in model");
            let gazetteer = gazetteer::Gazetteer::parse(gazetteer::BUILTIN).expect("built-in");
            let casing = casing::Casing::parse(casing::BUILTIN).expect("built-in");
            (model.feature_count(), gazetteer.len(), casing.len())
        })
    });
    group.finish();
}

criterion_group!(benches, entities);
criterion_main!(benches);
