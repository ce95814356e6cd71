//! Input shared by the benchmarks: real news text.

use std::path::PathBuf;

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
