//! Quotes end to end through `Analyzer`, on text written for these tests in the style of the
//! seed articles: translated quotes credited to outlets, "he said" attributions, documents as
//! speakers, partial quotes, and a quote that runs over two paragraphs.

use parallax::quotes::{Quote, QuoteKind};
use parallax::{Analyzer, Document, Limits};

const ARTICLE: &str = "Leaders exchange letters

Russian President Vladimir Putin sent a letter to North Korean leader Kim Jong-un on Monday. The letter vowed that the two countries would “keep expanding their comprehensive bilateral relations for the good of both peoples,” according to KCNA.

“There are good prospects for cooperation between our countries, and they are broad,” Russia’s ambassador to North Korea, Alexander Matsegora, said in an interview with Izvestia.

Military analyst Igor Korotchenko said on state television that Pyongyang could send builders to the region. “If North Korea wishes to help, we should let it,” he said.

Kim wrote that the friendship was “invincible” and would grow stronger, according to Rodong Sinmun.

Putin ended his letter with a promise. “We will stand together in every trial that comes, as our fathers stood together in the war.

“No force will divide us,” Putin said.
";

fn quotes() -> Vec<Quote> {
    Analyzer::new(Limits::default())
        .analyze(&Document::from_text(ARTICLE))
        .unwrap()
        .quotes
}

fn containing<'a>(quotes: &'a [Quote], needle: &str) -> &'a Quote {
    quotes
        .iter()
        .find(|q| q.span.slice(ARTICLE).contains(needle))
        .unwrap_or_else(|| panic!("no quote with {needle:?}"))
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.name.as_str())
}

#[test]
fn direct_quotes_have_their_speaker_cue_and_cited_source() {
    let quotes = quotes();
    let matsegora = containing(&quotes, "good prospects");
    assert_eq!(matsegora.kind, QuoteKind::Direct);
    assert_eq!(speaker(matsegora), Some("Alexander Matsegora"));
    assert_eq!(matsegora.cue.unwrap().slice(ARTICLE), "said");
    assert_eq!(
        matsegora.cited_source.as_ref().map(|s| s.name.as_str()),
        Some("Izvestia")
    );
    // The quote text is the content, without the marks.
    assert!(matsegora.span.slice(ARTICLE).starts_with("There are"));
    assert!(matsegora.span.slice(ARTICLE).ends_with("broad,"));
}

#[test]
fn pronouns_and_documents_resolve_to_people() {
    let quotes = quotes();
    let korotchenko = containing(&quotes, "we should let it");
    assert_eq!(speaker(korotchenko), Some("Igor Korotchenko"));
    assert_eq!(
        korotchenko.speaker.as_ref().unwrap().span.slice(ARTICLE),
        "he"
    );
    // "The letter vowed": the letter's author, Putin; KCNA is where it was reported.
    let letter = containing(&quotes, "keep expanding");
    assert_eq!(speaker(letter), Some("Vladimir Putin"));
    assert_eq!(
        letter.cited_source.as_ref().map(|s| s.name.as_str()),
        Some("KCNA")
    );
}

#[test]
fn partial_quotes_are_kept_apart_and_speakers_stay_apart_from_sources() {
    let quotes = quotes();
    let invincible = quotes
        .iter()
        .find(|q| q.span.slice(ARTICLE) == "invincible")
        .expect("the partial quote");
    assert_eq!(invincible.kind, QuoteKind::Partial);
    // The reported clause around it is Kim's, credited to Rodong Sinmun.
    let clause = quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect && q.span.slice(ARTICLE).contains("invincible"))
        .expect("the indirect quote");
    assert_eq!(speaker(clause), Some("Kim Jong-un"));
    assert_eq!(clause.cue.unwrap().slice(ARTICLE), "wrote");
    let indirect = containing(&quotes, "could send builders");
    assert_eq!(indirect.kind, QuoteKind::Indirect);
    assert_eq!(speaker(indirect), Some("Igor Korotchenko"));
}

#[test]
fn a_quote_running_over_two_paragraphs_keeps_its_speaker() {
    let quotes = quotes();
    let first = containing(&quotes, "stand together");
    let second = containing(&quotes, "No force will divide us");
    assert_eq!(speaker(second), Some("Vladimir Putin"));
    assert_eq!(speaker(first), Some("Vladimir Putin"), "{quotes:#?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn random_quote_marks_never_panic_and_spans_are_in_bounds(
        text in "[a-zA-Z ,.\n“”\"'‘’«»„]{1,300}"
    ) {
        if let Ok(analysis) = Analyzer::new(Limits::default()).analyze(&Document::from_text(text.as_str())) {
            for q in &analysis.quotes {
                proptest::prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
                if let Some(s) = &q.speaker {
                    proptest::prop_assert!(s.span.end <= text.len());
                }
            }
        }
    }
}
