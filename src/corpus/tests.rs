use super::*;
use crate::limits::Limits;

fn corpus(max_articles: usize) -> Corpus {
    Corpus::new(Analyzer::new(Limits {
        max_articles,
        ..Limits::default()
    }))
}

fn doc(text: &str, source: &str, published: Option<&str>) -> Document {
    Document {
        text: text.into(),
        source: source.into(),
        published_at: published.map(|p| Timestamp::parse(p, "published_at").unwrap()),
        ..Document::default()
    }
}

#[test]
fn add_is_idempotent_by_content_and_by_id() {
    let corpus = corpus(10);
    let (first, created) = corpus
        .add(None, doc("The talks resumed.", "", None))
        .unwrap();
    assert!(created);
    assert!(
        first.id.starts_with("a-") && first.id.len() == 18,
        "{}",
        first.id
    );
    let (again, created) = corpus
        .add(None, doc("The talks resumed.", "", None))
        .unwrap();
    assert!(!created);
    assert_eq!(again.id, first.id);

    let (named, created) = corpus
        .add(Some("story-1"), doc("Talks stalled.", "", None))
        .unwrap();
    assert!(created);
    assert_eq!(named.id, "story-1");
    let (same, created) = corpus
        .add(Some("story-1"), doc("Talks stalled.", "", None))
        .unwrap();
    assert!(!created);
    assert_eq!(same.id, "story-1");
    // The same content under a new id is still the stored article, not a duplicate.
    let (dup, created) = corpus
        .add(Some("story-2"), doc("Talks stalled.", "", None))
        .unwrap();
    assert!(!created);
    assert_eq!(dup.id, "story-1");
    assert_eq!(corpus.len(), 2);
}

#[test]
fn id_reused_for_other_content_is_refused_and_keeps_the_original() {
    let corpus = corpus(10);
    corpus.add(Some("x"), doc("First text.", "", None)).unwrap();
    let err = corpus
        .add(Some("x"), doc("Second text.", "", None))
        .unwrap_err();
    assert_eq!(
        err,
        Error::AlreadyExists {
            kind: "article",
            id: "x".into()
        }
    );
    assert_eq!(corpus.get("x").unwrap().document.text, "First text.");
}

#[test]
fn bad_ids_name_the_field() {
    let corpus = corpus(10);
    for bad in ["has space", "slash/", "ü", &"x".repeat(129)] {
        let err = corpus.add(Some(bad), doc("Text.", "", None)).unwrap_err();
        assert!(
            matches!(err, Error::InvalidArgument { ref field, .. } if field == "id"),
            "{bad}: {err}"
        );
    }
    assert!(corpus.is_empty());
}

#[test]
fn capacity_limit_refuses_new_articles_but_keeps_stored_ones() {
    let corpus = corpus(2);
    corpus.add(None, doc("One.", "", None)).unwrap();
    corpus.add(None, doc("Two.", "", None)).unwrap();
    let err = corpus.add(None, doc("Three.", "", None)).unwrap_err();
    assert!(
        matches!(
            err,
            Error::LimitExceeded {
                limit: 2,
                actual: 3,
                ..
            }
        ),
        "{err}"
    );
    // Re-adding stored content is still answered when full.
    assert!(!corpus.add(None, doc("One.", "", None)).unwrap().1);
    assert_eq!(corpus.len(), 2);
}

#[test]
fn the_title_is_the_caller_s_or_a_headline_before_the_body() {
    let corpus = corpus(10);
    let body = "The harbour ferries stopped running on Monday after the storm damaged the pier.\n\n\
                Rebuilding Harbour Town\n\n\
                The mayor said repairs would take a month and cost the town a great deal of money.\n";
    let titled = format!("Ferries Halted After Storm\n\n{body}");
    let (with_headline, _) = corpus.add(Some("t"), doc(&titled, "", None)).unwrap();
    assert_eq!(with_headline.title(), "Ferries Halted After Storm");
    // The heading among the paragraphs is no title.
    let (without, _) = corpus.add(Some("u"), doc(body, "", None)).unwrap();
    assert!(
        without
            .analysis
            .segmentation
            .blocks
            .iter()
            .any(|b| b.kind == crate::text::BlockKind::Headline),
        "the heading is read as one"
    );
    assert_eq!(without.title(), "");
    let mut given = doc(body, "", None);
    given.title = "Ferries Halted".into();
    let (with_title, _) = corpus.add(Some("v"), given).unwrap();
    assert_eq!(with_title.title(), "Ferries Halted");
}

#[test]
fn get_and_delete() {
    let corpus = corpus(10);
    let (article, _) = corpus.add(Some("k"), doc("Kept.", "", None)).unwrap();
    assert_eq!(corpus.get("k").unwrap(), article);
    assert_eq!(corpus.delete("k").unwrap().id, "k");
    assert_eq!(
        corpus.get("k").unwrap_err(),
        Error::NotFound {
            kind: "article",
            id: "k".into()
        }
    );
    assert!(matches!(corpus.delete("k"), Err(Error::NotFound { .. })));
    // After deletion the same content can be added again.
    assert!(corpus.add(Some("k"), doc("Kept.", "", None)).unwrap().1);
}

#[test]
fn list_pages_in_insertion_order_across_deletions() {
    let corpus = corpus(100);
    for i in 0..7 {
        corpus
            .add(
                Some(&format!("id{i}")),
                doc(&format!("Text {i}."), "", None),
            )
            .unwrap();
    }
    let filter = ArticleFilter::default();
    let page = corpus.list(&filter, 3, None).unwrap();
    let ids: Vec<_> = page.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["id0", "id1", "id2"]);
    let token = page.next_page_token.unwrap();
    // Deleting around the cursor neither skips nor repeats anything.
    corpus.delete("id2").unwrap();
    corpus.delete("id3").unwrap();
    let page = corpus.list(&filter, 3, Some(&token)).unwrap();
    let ids: Vec<_> = page.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["id4", "id5", "id6"]);
    assert_eq!(page.next_page_token, None);
}

#[test]
fn list_filters_by_source_and_time() {
    let corpus = corpus(100);
    corpus
        .add(Some("a"), doc("A.", "UPI", Some("2022-08-15")))
        .unwrap();
    corpus
        .add(Some("b"), doc("B.", "NK News", Some("2022-08-16")))
        .unwrap();
    corpus.add(Some("c"), doc("C.", "upi", None)).unwrap();
    corpus
        .add(Some("d"), doc("D.", "UPI", Some("2025-08-15")))
        .unwrap();
    let ids = |filter: ArticleFilter| -> Vec<String> {
        let page = corpus.list(&filter, 0, None).unwrap();
        page.articles.iter().map(|a| a.id.clone()).collect()
    };
    let ts = |s| Some(Timestamp::parse(s, "t").unwrap());
    assert_eq!(
        ids(ArticleFilter {
            source: Some("UPI".into()),
            ..Default::default()
        }),
        ["a", "c", "d"]
    );
    assert_eq!(
        ids(ArticleFilter {
            published_after: ts("2022-08-16"),
            ..Default::default()
        }),
        ["b", "d"]
    );
    assert_eq!(
        ids(ArticleFilter {
            source: Some("upi".into()),
            published_before: ts("2023-01-01"),
            ..Default::default()
        }),
        ["a"]
    );
}

#[test]
fn bad_page_requests_are_invalid_arguments() {
    let corpus = corpus(10);
    let filter = ArticleFilter::default();
    for token in ["garbage", "p1.", "p1.zz", "p1.11111111111111111"] {
        let err = corpus.list(&filter, 10, Some(token)).unwrap_err();
        assert!(
            matches!(err, Error::InvalidArgument { ref field, .. } if field == "page_token"),
            "{token}"
        );
    }
    let err = corpus.list(&filter, 1001, None).unwrap_err();
    assert!(matches!(err, Error::InvalidArgument { ref field, .. } if field == "page_size"));
}

#[test]
fn concurrent_adds_of_one_text_store_it_once() {
    let corpus = Arc::new(corpus(100));
    let created: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let corpus = Arc::clone(&corpus);
                scope.spawn(move || corpus.add(None, doc("Same story.", "", None)).unwrap().1)
            })
            .collect();
        handles
            .into_iter()
            .map(|h| usize::from(h.join().unwrap()))
            .sum()
    });
    assert_eq!(created, 1);
    assert_eq!(corpus.len(), 1);
}
