//! Clusters the PolNeAR articles (train + dev, seven outlets, 2016 election coverage) into
//! stories, in publication order as a live feed would add them, and prints the story counts,
//! the size distribution, how many stories span several outlets, and the multi-outlet stories
//! with their headlines, for reading.
//!
//! `cargo run --release --example polnear_stories [-- SAMPLE]` (SAMPLE: stories printed, 25).

#[path = "../benches/common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use parallax::{Analyzer, Corpus, Document, Limits, Timestamp};

fn main() {
    let sample: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(25);
    let articles = common::load_polnear();
    let corpus = Corpus::new(Analyzer::new(Limits::default()));
    let started = Instant::now();
    for a in &articles {
        let document = Document {
            text: a.text.clone(),
            title: a.title.clone(),
            source: a.publisher.clone(),
            published_at: Timestamp::parse(&a.date, "date").ok(),
            ..Document::default()
        };
        if let Err(e) = corpus.add(Some(&a.name), document) {
            eprintln!("{}: {e}", a.name);
        }
    }
    let elapsed = started.elapsed();
    let stories = corpus.stories(1, 1000, None).expect("listing stories");
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    let mut multi_outlet = Vec::new();
    for story in &stories.stories {
        *sizes.entry(story.articles.len()).or_default() += 1;
        let mut outlets: Vec<&str> = story
            .articles
            .iter()
            .map(|a| a.document.source.as_str())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        if outlets.len() > 1 {
            multi_outlet.push((story, outlets.len()));
        }
    }
    let outlets: std::collections::BTreeSet<&str> =
        articles.iter().map(|a| a.publisher.as_str()).collect();
    println!(
        "{} articles from {} outlets added in {:.1} s; {} stories ({} with 2+ articles, {} across 2+ outlets)",
        articles.len(),
        outlets.len(),
        elapsed.as_secs_f64(),
        stories.stories.len(),
        stories
            .stories
            .iter()
            .filter(|s| s.articles.len() > 1)
            .count(),
        multi_outlet.len(),
    );
    println!("story sizes (articles: stories): {sizes:?}");
    multi_outlet.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.articles.len().cmp(&a.0.articles.len()))
    });
    for (story, n) in multi_outlet.iter().take(sample) {
        println!(
            "\n{} ({} articles, {n} outlets)",
            story.id,
            story.articles.len()
        );
        for a in &story.articles {
            let date = a
                .analysis
                .document_date
                .date
                .map(|d| d.to_string())
                .unwrap_or_default();
            println!("  {date} {:<12} {}", a.document.source, a.document.title);
        }
        // Why: the same-story links inside the story.
        for (i, a) in story.articles.iter().enumerate() {
            for link in corpus.related(&a.id).unwrap_or_default() {
                let s = &link.similarity;
                let earlier = story.articles[..i].iter().any(|e| e.id == link.article.id);
                if s.same_story && earlier {
                    println!(
                        "    {} = {}: {} shared quotes, text {:.2}, entities {:.2}, {} days; {}",
                        link.article.id,
                        a.id,
                        s.shared_quotes,
                        s.text,
                        s.entities,
                        s.days_apart.map_or("?".into(), |d| d.to_string()),
                        s.shared_entities.join(", "),
                    );
                }
            }
        }
    }
}
