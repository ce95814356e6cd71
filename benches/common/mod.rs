//! Input shared by the benchmarks: real news text.

use std::path::PathBuf;

#[allow(dead_code)]
/// Every `.txt` file under `PARALLAX_BENCH_TEXTS` (default: the PolNeAR dev texts in
/// `../shared/data/quotes/polnear/dev/text`), sorted by name.
pub(crate) fn load_texts() -> Vec<String> {
    let dir = std::env::var_os("PARALLAX_BENCH_TEXTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/quotes/polnear/dev/text")
        });
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "cannot read {} (set PARALLAX_BENCH_TEXTS): {e}",
                dir.display()
            )
        })
        .map(|entry| entry.expect("directory entries are readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no .txt files in {}", dir.display());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// One PolNeAR article with its metadata.
#[allow(dead_code)]
pub(crate) struct PolnearArticle {
    /// File name without `.txt`.
    pub(crate) name: String,
    /// Publisher (outlet).
    pub(crate) publisher: String,
    /// Publication date, YYYY-MM-DD.
    pub(crate) date: String,
    /// Headline.
    pub(crate) title: String,
    /// Text.
    pub(crate) text: String,
}

/// PolNeAR train and dev articles (`PARALLAX_POLNEAR`, default `../shared/data/quotes/polnear`)
/// with publisher, date and title from `metadata.tsv`, sorted by date then name.
#[allow(dead_code)]
pub(crate) fn load_polnear() -> Vec<PolnearArticle> {
    let dir = std::env::var_os("PARALLAX_POLNEAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/quotes/polnear")
        });
    let metadata = std::fs::read_to_string(dir.join("metadata.tsv"))
        .unwrap_or_else(|e| panic!("{}/metadata.tsv (set PARALLAX_POLNEAR): {e}", dir.display()));
    let mut rows = metadata.lines();
    let header: Vec<&str> = rows.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("metadata.tsv has no {name} column"))
    };
    let (file, publisher, date, title) = (
        column("filename"),
        column("publisher"),
        column("publication_date"),
        column("title"),
    );
    let mut articles = Vec::new();
    for row in rows {
        let fields: Vec<&str> = row.split('\t').collect();
        let Some(name) = fields.get(file) else {
            continue;
        };
        for split in ["train", "dev"] {
            let path = dir.join(split).join("text").join(format!("{name}.txt"));
            if let Ok(text) = std::fs::read_to_string(&path) {
                articles.push(PolnearArticle {
                    name: (*name).to_owned(),
                    publisher: fields
                        .get(publisher)
                        .copied()
                        .unwrap_or_default()
                        .to_owned(),
                    date: fields.get(date).copied().unwrap_or_default().to_owned(),
                    title: fields.get(title).copied().unwrap_or_default().to_owned(),
                    text,
                });
            }
        }
    }
    articles.sort_by(|a, b| a.date.cmp(&b.date).then(a.name.cmp(&b.name)));
    articles
}
