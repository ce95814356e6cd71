//! The text layer on the real seed articles in `../shared/seeds` (scraped pages with navigation,
//! related-link lines, photo credits and a repeated paragraph). Their texts are read at run time,
//! never copied here. `PARALLAX_SEEDS` overrides the folder.

use std::path::PathBuf;

use parallax::{Analyzer, BlockKind, Document, Limits};

fn seeds() -> Vec<(String, String)> {
    let dir = std::env::var_os("PARALLAX_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "seed articles expected in {} (set PARALLAX_SEEDS): {e}",
                dir.display()
            )
        })
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "five seed articles in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Lines of page furniture, recognisable by shape alone: what a reader would skip.
fn is_debris(line: &str) -> bool {
    const EXACT: [&str; 9] = [
        "Follow Us",
        "Loading data...",
        "Leave a Reply",
        "Latest Headlines",
        "Home",
        "Category",
        "TV Live Menu",
        "Something went wrong.",
        "Please try again later.",
    ];
    let line = line.trim().trim_start_matches('•').trim();
    EXACT.contains(&line)
        || line.starts_with("RELATED ")
        || line.starts_with("CLICK HERE")
        || line.starts_with("More from ")
        || line.starts_with("Oops")
        // A photo credit: "First Last/AGENCY".
        || (line.split_whitespace().count() <= 4 && line.contains('/') && !line.ends_with('.'))
        // A link headline of another story, in capitals.
        || (line.split_whitespace().count() >= 6
            && !line.chars().any(|c| c.is_lowercase()))
}

#[test]
fn debris_is_never_body_and_real_paragraphs_are() {
    let analyzer = Analyzer::new(Limits::default());
    let mut debris_checked = 0;
    let mut prose_checked = 0;
    for (name, text) in seeds() {
        let analysis = analyzer
            .analyze(&Document::from_text(text.as_str()))
            .unwrap();
        let blocks = &analysis.segmentation.blocks;
        // The block a line belongs to: the one overlapping it (blocks drop bullets and spaces).
        let kind_of_line = |line: &str| {
            let start = line.as_ptr() as usize - text.as_ptr() as usize;
            let end = start + line.len();
            blocks
                .iter()
                .find(|b| b.span.start < end && start < b.span.end)
                .map(|b| b.kind)
        };
        let mut seen_prose: Vec<&str> = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let kind = kind_of_line(line);
            let words = line.split_whitespace().count();
            if is_debris(line) {
                assert!(
                    kind.is_some_and(|k| k != BlockKind::Body),
                    "{name}: debris line tagged {kind:?}: {line:?}"
                );
                debris_checked += 1;
            } else if words >= 12 && !line.to_lowercase().contains("photo") {
                let trimmed = line.trim();
                if seen_prose.contains(&trimmed) {
                    assert_eq!(
                        kind,
                        Some(BlockKind::Duplicate),
                        "{name}: repeated paragraph {line:.60?}"
                    );
                } else {
                    assert_eq!(
                        kind,
                        Some(BlockKind::Body),
                        "{name}: prose not BODY: {line:.80?}"
                    );
                    seen_prose.push(trimmed);
                }
                prose_checked += 1;
            }
        }
    }
    assert!(
        debris_checked >= 14,
        "only {debris_checked} debris lines found"
    );
    assert!(
        prose_checked >= 50,
        "only {prose_checked} prose paragraphs found"
    );
}

#[test]
fn the_repeated_lede_is_a_duplicate_of_the_first() {
    let analyzer = Analyzer::new(Limits::default());
    let (_, text) = seeds()
        .into_iter()
        .find(|(name, _)| name.starts_with("001_"))
        .unwrap();
    let analysis = analyzer
        .analyze(&Document::from_text(text.as_str()))
        .unwrap();
    let blocks = &analysis.segmentation.blocks;
    let duplicates: Vec<_> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Duplicate)
        .collect();
    assert_eq!(duplicates.len(), 1, "{blocks:?}");
    let original = &blocks[duplicates[0]
        .duplicate_of
        .expect("a duplicate names its original")];
    assert_eq!(original.kind, BlockKind::Body);
    assert_eq!(original.span.slice(&text), duplicates[0].span.slice(&text));
    assert!(original.span.start < duplicates[0].span.start);
}

/// The people, organizations and places a reader would list from each seed: found as one entity
/// each, of the right type, with a mention for every occurrence of the name in the prose.
#[test]
fn the_entities_a_reader_would_list_are_found_once_with_their_mentions() {
    use parallax::entities::EntityType::{self, Event, Location, Organization, Person};
    // (canonical name, type, spellings counted in the prose).
    let expected: [(&str, EntityType, &[&str]); 17] = [
        ("Vladimir Putin", Person, &["Putin"]),
        ("Alexander Matsegora", Person, &["Matsegora"]),
        ("Igor Korotchenko", Person, &["Korotchenko"]),
        ("Denis Pushilin", Person, &["Pushilin"]),
        ("Kim Yo Jong", Person, &["Kim Yo Jong"]),
        ("Rodong Sinmun", Organization, &["Rodong Sinmun"]),
        ("Moscow Times", Organization, &["Moscow Times"]),
        ("Izvestia", Organization, &["Izvestia"]),
        ("North Korea", Location, &["North Korea"]),
        ("Donetsk", Location, &["Donetsk"]),
        ("Luhansk", Location, &["Luhansk", "Lugansk"]),
        ("Kursk", Location, &["Kursk"]),
        ("Pyongyang", Location, &["Pyongyang"]),
        ("Ukraine", Location, &["Ukraine"]),
        ("Russia", Location, &["Russia"]),
        ("Cold War", Event, &["Cold War"]),
        ("World War II", Event, &["World War II"]),
    ];
    let analyzer = Analyzer::new(Limits::default());
    for (name, text) in seeds() {
        let analysis = analyzer
            .analyze(&Document::from_text(text.as_str()))
            .unwrap();
        let body: Vec<(usize, &str)> = analysis
            .segmentation
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body)
            .map(|b| (b.span.start, b.span.slice(&text)))
            .collect();
        for (canonical, kind, spellings) in expected {
            // Whole-word occurrences in the prose ("North Korea" but not "North Korean"), except
            // inside a longer name of another entity ("Donetsk People's Republic").
            let inside_other = |at: usize, len: usize| {
                analysis
                    .entities
                    .iter()
                    .filter(|e| e.name != canonical)
                    .any(|e| {
                        e.mentions.iter().any(|m| {
                            m.span.start <= at && at + len <= m.span.end && m.span.len() > len
                        })
                    })
            };
            let occurrences: usize = body
                .iter()
                .map(|(offset, block)| {
                    spellings
                        .iter()
                        .map(|s| {
                            block
                                .match_indices(s)
                                .filter(|(at, _)| {
                                    !block[at + s.len()..].starts_with(char::is_alphanumeric)
                                        && !block[..*at].ends_with(char::is_alphanumeric)
                                        && !block[..*at].ends_with('-')
                                        && !block[at + s.len()..].starts_with('-')
                                        && !inside_other(offset + at, s.len())
                                })
                                .count()
                        })
                        .sum::<usize>()
                })
                .sum();
            if occurrences == 0 {
                continue;
            }
            let found: Vec<_> = analysis
                .entities
                .iter()
                .filter(|e| e.name == canonical)
                .collect();
            assert_eq!(found.len(), 1, "{name}: one entity {canonical:?}");
            assert_eq!(found[0].kind, kind, "{name}: {canonical:?}");
            let mentioned = found[0]
                .mentions
                .iter()
                .filter(|m| {
                    let t = m.span.slice(&text);
                    spellings.iter().any(|s| t.contains(s))
                })
                .count();
            assert!(
                mentioned >= occurrences,
                "{name}: {canonical:?} has {mentioned} mentions spelled {spellings:?}, the prose {occurrences}"
            );
        }
        // The two leaders are always there, Kim under one name.
        let kims: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == Person && e.name.starts_with("Kim Jong"))
            .collect();
        assert_eq!(kims.len(), 1, "{name}: one Kim Jong Un");
    }
}

/// The comparison acceptance on the real seeds, with the sidecar metadata in
/// `tests/fixtures/seeds-meta` (outlets, and publication dates where the text has none).
#[test]
fn seeds_form_two_stories_with_shared_quotes_names_and_sources() {
    use parallax::compare::{Agreement, DiffOp};
    use parallax::{Corpus, Timestamp};

    let meta_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds-meta");
    let corpus = Corpus::new(Analyzer::new(Limits::default()));
    for (name, text) in seeds() {
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(meta_dir.join(format!("{name}.meta.json"))).unwrap(),
        )
        .unwrap();
        let document = Document {
            text,
            source: meta["source"].as_str().unwrap_or_default().to_owned(),
            published_at: meta["publishedAt"]
                .as_str()
                .map(|d| Timestamp::parse(d, "publishedAt").unwrap()),
            ..Document::default()
        };
        corpus.add(Some(&name[..3]), document).unwrap();
    }
    let stories: Vec<Vec<String>> = corpus
        .stories(1, 0, None)
        .unwrap()
        .stories
        .iter()
        .map(|s| s.articles.iter().map(|a| a.id.clone()).collect())
        .collect();
    assert_eq!(stories, [vec!["000", "001", "002", "004"], vec!["003"]]);
    // 2025's letter is related to the 2022 exchange, not part of it.
    let related = corpus.related("003").unwrap();
    assert!(related.iter().all(|r| !r.similarity.same_story));
    assert!(related.iter().any(|r| r.article.id == "000"), "{related:?}");

    let story = corpus.story("s-000").unwrap();
    let refs: Vec<_> = story.articles.iter().map(AsRef::as_ref).collect();
    let comparison = parallax::compare::compare(&refs);
    let group = |words: &str| {
        comparison
            .shared_quotes
            .iter()
            .find(|g| g.variants.iter().any(|v| v.text.contains(words)))
            .unwrap_or_else(|| panic!("a shared quote with {words:?}"))
    };
    fn articles(g: &parallax::compare::QuoteGroup) -> Vec<&str> {
        let mut ids: Vec<&str> = g.variants.iter().map(|v| v.article_id.as_str()).collect();
        ids.sort_unstable();
        ids
    }
    let kim = group("comradely friendship and militant unity");
    assert_eq!(articles(kim), ["000", "001", "004"]);
    assert_eq!(kim.speaker.as_deref(), Some("Kim Jong Un"));
    let putin = group("comprehensive and constructive bilateral");
    assert_eq!(articles(putin), ["000", "002", "004"]);
    assert_eq!(putin.speaker.as_deref(), Some("Vladimir Putin"));
    let variant = putin
        .variants
        .iter()
        .find(|v| v.article_id == "000")
        .unwrap();
    assert_eq!(variant.agreement, Agreement::VariantWording);
    assert!(
        variant
            .diff
            .iter()
            .any(|p| p.op == DiffOp::Insert && p.text.contains("ties"))
    );
    assert!(
        variant
            .diff
            .iter()
            .any(|p| p.op == DiffOp::Delete && p.text.contains("relations"))
    );

    let forms = |name: &str| -> Vec<String> {
        let linked = comparison
            .name_variants
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} linked across the seeds"));
        assert!(linked.spellings_differ, "{name}");
        linked.forms.iter().map(|f| f.text.clone()).collect()
    };
    let kim_forms = forms("Kim Jong Un");
    assert!(
        kim_forms.contains(&"Kim Jong-un".to_owned())
            && kim_forms.contains(&"Kim Jong Un".to_owned())
    );
    let luhansk = forms("Luhansk");
    assert!(luhansk.contains(&"Lugansk".to_owned()) && luhansk.contains(&"Luhansk".to_owned()));

    let sources = |id: &str| -> Vec<String> {
        comparison
            .cited_sources
            .iter()
            .find(|s| s.article_id == id)
            .unwrap()
            .sources
            .iter()
            .map(|s| s.name.clone())
            .collect()
    };
    for outlet in ["Rodong Sinmun", "Izvestia", "Moscow Times", "New York Post"] {
        assert!(
            sources("001").iter().any(|s| s == outlet),
            "001 cites {outlet}"
        );
    }
    assert!(sources("004").iter().any(|s| s == "KCNA"));
    // "according South-Korean based KCNA Watch": credited though the "to" is missing.
    assert!(sources("000").iter().any(|s| s.starts_with("KCNA")));
    assert!(sources("002").iter().any(|s| s == "KCNA"));
    // 001's page stamp (December 2024) is contradicted by its own "77th anniversary of ... in
    // World War II" and by the story it shares quotes with: it is flagged and not used.
    let stamped = comparison.articles.iter().find(|a| a.id == "001").unwrap();
    assert!(stamped.date_outlier);
    assert_eq!(stamped.date, None);
}
