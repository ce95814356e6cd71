//! Dates as Analyze reports them: the article's paragraphs are read as one text.

use parallax::{Analyzer, Document, Limits};

#[test]
fn a_history_told_over_paragraphs_keeps_its_years() {
    let mut document = Document::from_text(
        "The long siege of Harbour Town\n\n\
         In the spring of 1916 the garrison dug in along the ridge. On 8 May 1916 the first \
         assault failed with heavy losses.\n\n\
         On 26 September, the northern wall fell. Four days later the commander surrendered.\n",
    );
    document.published_at =
        Some(parallax::Timestamp::parse("2009-12-19", "published_at").expect("a valid date"));
    let analysis = Analyzer::new(Limits::default())
        .analyze(&document)
        .expect("analyzed");
    let text = &document.text;
    let value = |needle: &str| {
        analysis
            .dates
            .iter()
            .find(|d| d.span.slice(text) == needle)
            .map(|d| d.value.clone())
            .unwrap_or_else(|| panic!("no {needle:?} in {:#?}", analysis.dates))
    };
    assert_eq!(value("26 September"), "1916-09-26");
    assert_eq!(value("Four days later"), "1916-09-30");
}
