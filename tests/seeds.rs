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
