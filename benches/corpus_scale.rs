//! Corpus scale: adds 10,000 articles (analysis and story indexing included) and reports the
//! cost per article as the corpus grows, then the latency of GetStory's work (story look-up,
//! comparison, conversion to the wire message) for stories of about ten articles.
//!
//! The articles are the PolNeAR train and dev texts (924), each published in eleven versions
//! (paragraphs rotated) one after another, so the corpus holds 10,000 distinct texts whose
//! versions form stories of about eleven articles, as wire copy does, and every article meets
//! the same number of earlier versions whatever the corpus size. They arrive as a feed at a constant rate (100 a
//! day), so what the measurement shows is the effect of the corpus size, not of a denser feed.
//! In each window the analysis alone is also timed on the same documents, and the difference
//! is the cost of storing and story indexing. Each window's texts differ, so costs are also
//! given per KiB of text, and the story index's work counters (posting entries read, candidates
//! compared, story members relabelled per add) show the work itself, free of timing noise.
//!
//! `cargo bench --bench corpus_scale` (`PARALLAX_SCALE_ARTICLES` changes the 10,000).

mod common;

/// The server's allocator, so the figures are the service's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use parallax::grpc::convert;
use parallax::{Analyzer, Corpus, Document, Limits, OffsetUnit, Timestamp};

/// Versions of each text.
const VERSIONS: usize = 11;
/// Articles published per day of the simulated feed.
const PER_DAY: usize = 100;

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
    let mut analysis: Vec<f64> = Vec::new();
    // Text bytes of each add, and the index's work counters where each window starts.
    let mut sizes: Vec<usize> = Vec::with_capacity(total);
    let mut work_at_start = corpus.index_work();
    let analyzer = corpus.analyzer().clone();
    let mut bytes = 0usize;
    for n in 0..total {
        // Each text's eleven versions arrive one after another, so every article meets the
        // same number of earlier versions whatever the corpus size.
        let original = &source[(n / VERSIONS) % source.len()];
        let copy = n % VERSIONS + VERSIONS * (n / (VERSIONS * source.len()));
        let mut paragraphs: Vec<&str> = original.text.split("\n\n").collect();
        let len = paragraphs.len();
        paragraphs.rotate_left(copy % len.max(1));
        let date = time::macros::date!(2016 - 01 - 01) + time::Duration::days((n / PER_DAY) as i64);
        let document = Document {
            text: paragraphs.join("\n\n"),
            title: original.title.clone(),
            source: original.publisher.clone(),
            published_at: Some(Timestamp::parse(&date.to_string(), "date").unwrap()),
            ..Document::default()
        };
        bytes += document.text.len();
        sizes.push(document.text.len());
        if marks.iter().any(|m| n + window == *m) {
            work_at_start = corpus.index_work();
        }
        let in_window = marks.iter().any(|m| n < *m && n + window >= *m);
        if in_window {
            let t = Instant::now();
            std::hint::black_box(analyzer.analyze(&document).expect("analyzed"));
            analysis.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let t = Instant::now();
        corpus
            .add(Some(&format!("{}-{copy}", original.name)), document)
            .expect("article added");
        costs.push(t.elapsed().as_secs_f64() * 1e3);
        if marks.contains(&(n + 1)) {
            let recent = &costs[costs.len().saturating_sub(window)..];
            let mut sorted = recent.to_vec();
            sorted.sort_by(f64::total_cmp);
            let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
            let analyzed = mean(&analysis[analysis.len().saturating_sub(window)..]);
            // Texts differ from window to window: per KiB costs factor their lengths out.
            let kib = sizes[sizes.len().saturating_sub(window)..]
                .iter()
                .map(|&b| b as f64 / 1024.0)
                .sum::<f64>()
                / window as f64;
            let work = corpus.index_work();
            let adds = (work.adds - work_at_start.adds).max(1) as f64;
            println!(
                "corpus {:>6}: last {} adds ({:.1} KiB each) mean {:.2} ms (p50 {:.2}, p99 {:.2}), {:.0} us/KiB; \
                 analysis alone {:.2} ms ({:.0} us/KiB), store + story index {:.2} ms ({:.0} us/KiB); \
                 per add: {:.0} postings read, {:.0} candidates compared, {:.1} story members relabelled",
                n + 1,
                recent.len(),
                kib,
                mean(recent),
                sorted[sorted.len() / 2],
                sorted[sorted.len() * 99 / 100],
                mean(recent) * 1e3 / kib,
                analyzed,
                analyzed * 1e3 / kib,
                mean(recent) - analyzed,
                (mean(recent) - analyzed) * 1e3 / kib,
                (work.postings_read - work_at_start.postings_read) as f64 / adds,
                (work.candidates_compared - work_at_start.candidates_compared) as f64 / adds,
                (work.members_relabelled - work_at_start.members_relabelled) as f64 / adds,
            );
        }
    }
    // Adds only (the window analyses timed on the side are left out).
    let elapsed = costs.iter().sum::<f64>() / 1e3;
    println!(
        "{total} articles, {:.1} MiB in {elapsed:.1} s: {:.2} MiB/s on one core",
        bytes as f64 / (1 << 20) as f64,
        bytes as f64 / (1 << 20) as f64 / elapsed,
    );

    let all = corpus.stories(1, 1000, None).expect("stories");
    let mut sizes: Vec<usize> = all.stories.iter().map(|s| s.articles.len()).collect();
    let mut token = all.next_page_token;
    while let Some(t) = token {
        let page = corpus.stories(1, 1000, Some(&t)).expect("stories");
        sizes.extend(page.stories.iter().map(|s| s.articles.len()));
        token = page.next_page_token;
    }
    sizes.sort_unstable();
    println!(
        "{} stories; median {} articles, largest {}",
        sizes.len(),
        sizes[sizes.len() / 2],
        sizes.last().copied().unwrap_or(0)
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
        "timing GetStory on {} stories of 9-12 articles",
        stories.len()
    );
    let mut latencies = Vec::new();
    let mut per_story: Vec<(f64, usize, usize)> = Vec::new();
    for story in &stories {
        let bytes: usize = story.articles.iter().map(|a| a.document.text.len()).sum();
        let mut times = Vec::new();
        for _ in 0..20 {
            let t = Instant::now();
            let found = corpus.story(&story.id).expect("story");
            let refs: Vec<_> = found.articles.iter().map(AsRef::as_ref).collect();
            let comparison = parallax::compare::compare(&refs);
            let message = convert::comparison_to_pb(&comparison, &found.articles, OffsetUnit::Utf8)
                .expect("converted");
            std::hint::black_box(message);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        per_story.push((times[times.len() / 2], story.articles.len(), bytes));
        latencies.extend(times);
    }
    latencies.sort_by(f64::total_cmp);
    per_story.sort_by(|a, b| a.0.total_cmp(&b.0));
    if let Some(worst) = per_story.last() {
        println!(
            "GetStory (look-up + comparison + wire message): p50 {:.2} ms, p99 {:.2} ms over {} calls; \
             {} of {} stories answer under 10 ms (median of 20 calls); slowest: {:.2} ms for {} articles, {} KiB",
            latencies[latencies.len() / 2],
            latencies[latencies.len() * 99 / 100],
            latencies.len(),
            per_story.iter().filter(|s| s.0 < 10.0).count(),
            per_story.len(),
            worst.0,
            worst.1,
            worst.2 / 1024,
        );
    }
}
