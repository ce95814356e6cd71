//! Corpus scale: adds 10,000 articles (analysis and story indexing included) and reports the
//! cost per article as the corpus grows, then the latency of GetStory's work (story look-up,
//! comparison, conversion to the wire message) for stories of about ten articles.
//!
//! The articles are the PolNeAR train and dev texts (924), each re-published under eleven
//! dates 45 days apart with its paragraphs rotated, so the corpus holds 10,000 distinct texts
//! whose copies form stories of up to eleven articles, as wire copy does.
//!
//! `cargo bench --bench corpus_scale` (`PARALLAX_SCALE_ARTICLES` changes the 10,000).

mod common;

use std::time::Instant;

use parallax::grpc::convert;
use parallax::{Analyzer, Corpus, Document, Limits, OffsetUnit, Timestamp};

fn main() {
    let total: usize = std::env::var("PARALLAX_SCALE_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let source = common::load_polnear();
    let limits = Limits {
        max_articles: total + 1,
        ..Limits::default()
    };
    let corpus = Corpus::new(Analyzer::new(limits));
    let marks = [1_000, 5_000, 10_000];
    let window = 500;
    let mut costs: Vec<f64> = Vec::with_capacity(total);
    let mut bytes = 0usize;
    let started = Instant::now();
    for n in 0..total {
        let original = &source[n % source.len()];
        let copy = n / source.len();
        let mut paragraphs: Vec<&str> = original.text.split("\n\n").collect();
        let len = paragraphs.len();
        paragraphs.rotate_left(copy % len.max(1));
        let base = time::Date::parse(
            &original.date,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .unwrap_or(time::macros::date!(2016 - 01 - 01));
        let date = base + time::Duration::days(45 * copy as i64);
        let document = Document {
            text: paragraphs.join("\n\n"),
            title: original.title.clone(),
            source: original.publisher.clone(),
            published_at: Some(Timestamp::parse(&date.to_string(), "date").unwrap()),
            ..Document::default()
        };
        bytes += document.text.len();
        let t = Instant::now();
        corpus
            .add(Some(&format!("{}-{copy}", original.name)), document)
            .expect("article added");
        costs.push(t.elapsed().as_secs_f64() * 1e3);
        if marks.contains(&(n + 1)) || n + 1 == total {
            let recent = &costs[costs.len().saturating_sub(window)..];
            let mut sorted = recent.to_vec();
            sorted.sort_by(f64::total_cmp);
            println!(
                "corpus {:>6}: last {} adds mean {:.2} ms, p50 {:.2} ms, p99 {:.2} ms per article",
                n + 1,
                recent.len(),
                recent.iter().sum::<f64>() / recent.len() as f64,
                sorted[sorted.len() / 2],
                sorted[sorted.len() * 99 / 100],
            );
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{total} articles, {:.1} MiB in {elapsed:.1} s: {:.2} MiB/s on one core",
        bytes as f64 / (1 << 20) as f64,
        bytes as f64 / (1 << 20) as f64 / elapsed,
    );

    // GetStory for stories of about ten articles.
    let page = corpus.stories(9, 1000, None).expect("stories");
    let stories: Vec<_> = page
        .stories
        .iter()
        .filter(|s| (9..=12).contains(&s.articles.len()))
        .take(50)
        .collect();
    println!(
        "{} stories in all; timing GetStory on {} of 9-12 articles",
        corpus.stories(1, 1000, None).map_or(0, |p| p.stories.len()),
        stories.len()
    );
    let mut latencies = Vec::new();
    for _ in 0..20 {
        for story in &stories {
            let t = Instant::now();
            let found = corpus.story(&story.id).expect("story");
            let refs: Vec<_> = found.articles.iter().map(AsRef::as_ref).collect();
            let comparison = parallax::compare::compare(&refs);
            let message = convert::comparison_to_pb(&comparison, &found.articles, OffsetUnit::Utf8)
                .expect("converted");
            std::hint::black_box(message);
            latencies.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    latencies.sort_by(f64::total_cmp);
    if !latencies.is_empty() {
        println!(
            "GetStory (look-up + comparison + wire message): p50 {:.2} ms, p99 {:.2} ms over {} calls",
            latencies[latencies.len() / 2],
            latencies[latencies.len() * 99 / 100],
            latencies.len()
        );
    }
}
