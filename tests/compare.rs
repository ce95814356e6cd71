//! Cross-source comparison on articles written for this test in the style of the seeds: three
//! outlets report one event (a reopened rail bridge) with one statement worded three ways, the
//! city spelled two ways and the workforce counted differently; a fourth article has the same
//! governor a year later, on another occasion.

use parallax::compare::{Agreement, DiffOp, Verdict};
use parallax::{Analyzer, Corpus, Document, Limits, Timestamp};

const LEDGER: &str = "Rail Bridge Near Kharkiv Reopens After Repairs

Ukrainian Railways reopened the rail bridge over the Donets River near Kharkiv on Monday, restoring a line that carries grain and passengers to the east, the Eastern Wire news agency reported.

Regional governor Oleh Marchenko said the crossing “will carry the first passenger trains to the eastern towns within days and bring our families back together.”

Marchenko added that 1,200 workers had rebuilt the span in four months.

The bridge was the fourth crossing of the river to reopen this year, officials said.";

const HERALD: &str = "Kharkov Bridge Back in Service

The railway bridge outside Kharkov is open again, the regional administration announced on Monday.

“The bridge will carry the first passenger trains to the eastern towns within days and bring our families together again,” Governor Oleh Marchenko told reporters, according to the Eastern Wire news agency.

A team of 1,500 workers rebuilt the span in four months, Marchenko said.

The bridge is the fourth river crossing to reopen in the region since January.";

const POST: &str = "Trains Return to Kharkiv Line

Passenger trains will soon run again on the line east of Kharkiv after the rail bridge reopened on Monday.

Governor Oleh Marchenko said the bridge “will carry the first passenger trains to the eastern towns within days.”

The line also carries grain to the eastern markets, the governor said.";

const DEPOT: &str = "Kharkiv Governor Opens New Bus Depot

Regional governor Oleh Marchenko opened a new bus depot in Kharkiv on Monday, a year after the rail bridge over the Donets River reopened.

“Every new route brings our families back together,” Marchenko said.

The depot will serve 80 buses, officials said.";

fn document(text: &str, source: &str, date: &str) -> Document {
    Document {
        text: text.to_owned(),
        source: source.to_owned(),
        published_at: Some(Timestamp::parse(date, "published_at").unwrap()),
        ..Document::default()
    }
}

fn corpus() -> Corpus {
    let corpus = Corpus::new(Analyzer::new(Limits::default()));
    for (id, text, source, date) in [
        ("ledger", LEDGER, "Daily Ledger", "2023-05-08"),
        ("herald", HERALD, "Kharkov Herald", "2023-05-08"),
        ("post", POST, "Morning Post", "2023-05-09"),
        ("depot", DEPOT, "Daily Ledger", "2024-06-10"),
    ] {
        corpus.add(Some(id), document(text, source, date)).unwrap();
    }
    corpus
}

fn ids(story: &parallax::Story) -> Vec<&str> {
    story.articles.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn one_event_is_one_story_and_another_occasion_is_only_related() {
    let corpus = corpus();
    let page = corpus.stories(1, 0, None).unwrap();
    let stories: Vec<Vec<&str>> = page.stories.iter().map(ids).collect();
    assert_eq!(stories, [vec!["ledger", "herald", "post"], vec!["depot"]]);
    assert_eq!(corpus.story_id("post").unwrap(), "s-ledger");
    assert_eq!(corpus.stories(2, 0, None).unwrap().stories.len(), 1);

    // The depot article names the same governor, city and river: related, with reasons.
    let related = corpus.related("depot").unwrap();
    let ledger = related
        .iter()
        .find(|r| r.article.id == "ledger")
        .expect("the bridge article is related to the depot one");
    assert!(!ledger.similarity.same_story);
    assert_eq!(ledger.story_id, "s-ledger");
    assert!(ledger.similarity.days_apart.unwrap() > 365);
    assert!(
        ledger
            .similarity
            .shared_entities
            .iter()
            .any(|e| e == "Oleh Marchenko"),
        "{:?}",
        ledger.similarity
    );
}

#[test]
fn deleting_an_article_updates_its_story() {
    let corpus = corpus();
    corpus.delete("ledger").unwrap();
    // Herald and Post still share the governor's statement: one story, renamed after its new
    // first article.
    let story = corpus.story("s-herald").unwrap();
    assert_eq!(ids(&story), ["herald", "post"]);
    assert!(corpus.story("s-ledger").is_err());
    corpus.delete("herald").unwrap();
    assert_eq!(ids(&corpus.story("s-post").unwrap()), ["post"]);
}

#[test]
fn the_shared_statement_is_aligned_with_its_wordings() {
    let corpus = corpus();
    let story = corpus.story("s-ledger").unwrap();
    let refs: Vec<_> = story.articles.iter().map(AsRef::as_ref).collect();
    let comparison = parallax::compare::compare(&refs);

    let group = comparison
        .shared_quotes
        .iter()
        .find(|g| g.text.contains("first passenger trains"))
        .expect("the governor's statement is shared");
    assert_eq!(group.speaker.as_deref(), Some("Oleh Marchenko"));
    let by = |id: &str| group.variants.iter().find(|v| v.article_id == id).unwrap();
    // The Herald's wording is the fullest that the Post's cut copy agrees with.
    assert_eq!(group.variants[0].article_id, "herald");
    assert_eq!(by("post").agreement, Agreement::Truncated);
    let ledger = by("ledger");
    assert_eq!(ledger.agreement, Agreement::VariantWording);
    let changes: Vec<(DiffOp, &str)> = ledger
        .diff
        .iter()
        .filter(|p| p.op != DiffOp::Equal)
        .map(|p| (p.op, p.text.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            (DiffOp::Delete, "The bridge"),
            (DiffOp::Insert, "back"),
            (DiffOp::Delete, "again")
        ]
    );
    assert_eq!(by("herald").cited_source.as_deref(), Some("Eastern Wire"));
    assert_eq!(by("post").cited_source, None);
}

#[test]
fn names_facts_sources_coverage_and_timeline_are_compared() {
    let corpus = corpus();
    let ids: Vec<String> = ["ledger", "herald", "post"].map(String::from).to_vec();
    let comparison = corpus.compare(&ids).unwrap();

    let kharkiv = comparison
        .name_variants
        .iter()
        .find(|e| e.name == "Kharkiv")
        .expect("Kharkiv is linked across the articles");
    assert!(kharkiv.spellings_differ);
    let forms: Vec<(&str, &str)> = kharkiv
        .forms
        .iter()
        .map(|f| (f.article_id.as_str(), f.text.as_str()))
        .collect();
    for form in [
        ("ledger", "Kharkiv"),
        ("herald", "Kharkov"),
        ("post", "Kharkiv"),
    ] {
        assert!(forms.contains(&form), "{forms:?}");
    }

    let workers = comparison
        .facts
        .iter()
        .find(|f| f.values.iter().any(|v| v.text.contains("workers")))
        .expect("the workforce is compared");
    assert_eq!(workers.verdict, Verdict::Differ);
    let values: Vec<(&str, f64)> = workers
        .values
        .iter()
        .map(|v| (v.article_id.as_str(), v.value))
        .collect();
    assert_eq!(values, [("ledger", 1200.0), ("herald", 1500.0)]);
    let fourth = comparison
        .facts
        .iter()
        .find(|f| f.values.iter().any(|v| v.ordinal && v.value == 4.0))
        .expect("the fourth crossing is compared");
    assert_eq!(fourth.verdict, Verdict::Agree);
    assert_eq!(fourth.values.len(), 2);

    let sources = |id: &str| -> Vec<&str> {
        comparison
            .cited_sources
            .iter()
            .find(|s| s.article_id == id)
            .unwrap()
            .sources
            .iter()
            .map(|s| s.name.as_str())
            .collect()
    };
    assert_eq!(sources("ledger"), ["Eastern Wire"]);
    assert_eq!(sources("herald"), ["Eastern Wire"]);
    assert!(sources("post").is_empty());
    let post = comparison
        .cited_sources
        .iter()
        .find(|s| s.article_id == "post")
        .unwrap();
    assert_eq!(post.uncredited_shared_quotes, 1);

    // The Post's closing line (grain to the eastern markets) has a counterpart in the Ledger;
    // the Ledger's statement about the bridge's workforce has one in the Herald.
    let coverage = |id: &str| {
        comparison
            .coverage
            .iter()
            .find(|c| c.article_id == id)
            .unwrap()
    };
    assert!(coverage("post").shared_sentences >= 1);
    assert!(
        !coverage("ledger")
            .unique_sentences
            .iter()
            .any(|s| s.text.contains("1,200 workers"))
    );

    // "on Monday" in all three, each anchored to its own publication date.
    let monday = comparison
        .timeline
        .iter()
        .find(|t| t.value == "2023-05-08")
        .expect("Monday 8 May 2023 is on the timeline");
    let mut dated: Vec<&str> = monday
        .events
        .iter()
        .map(|e| e.article_id.as_str())
        .collect();
    dated.dedup();
    assert_eq!(dated, ["ledger", "herald", "post"]);
    assert!(comparison.articles.iter().all(|a| !a.date_outlier));
}

#[test]
fn bad_comparison_requests_are_refused_with_the_field_named() {
    let corpus = corpus();
    let err = corpus.compare(&[]).unwrap_err().to_string();
    assert!(err.contains("article_ids"), "{err}");
    let err = corpus
        .compare(&["ledger".into(), "ledger".into()])
        .unwrap_err()
        .to_string();
    assert!(err.contains("twice"), "{err}");
    let err = corpus
        .compare(&["ledger".into(), "nope".into()])
        .unwrap_err();
    assert!(matches!(err, parallax::Error::NotFound { .. }), "{err}");
    assert!(matches!(
        corpus.story("s-nope").unwrap_err(),
        parallax::Error::NotFound { .. }
    ));
    assert!(matches!(
        corpus.story("ledger").unwrap_err(),
        parallax::Error::NotFound { .. }
    ));
}
