//! Entities end to end through `Analyzer`: text written for these tests in the style of the
//! seed articles (datelines, page debris, translated quotes, spelling variants), with the
//! built-in model and gazetteer.

use parallax::entities::{Entity, EntityType, MentionKind};
use parallax::{Analyzer, BlockKind, Document, Limits};

const ARTICLE: &str = "Home › World › Asia
Kim and Putin trade letters on Liberation Day
15.08.22 15:00

PYONGYANG, Aug. 15 (Yonhap) -- North Korean leader Kim Jong-un and Russian President Vladimir Putin traded letters on Monday, pledging to widen cooperation, the Korean Central News Agency said.

Kim said the friendship between the two countries had been forged in the common struggle against Japanese militarism, according to KCNA. Putin wrote that closer ties would serve the interests of both peoples.

The Russian leader also thanked Pyongyang for its support of Moscow's campaign in the Donbas, where fighting continues around Lugansk and Donetsk.

Alexander Matsegora, Russia's ambassador to North Korea, told the newspaper Izvestia that North Korean builders could help rebuild Luhansk after the war.

Military analyst Igor Korotchenko said the letters showed a new alliance. Korotchenko added that Washington would watch closely.

Kim Jong Un's sister, Kim Yo Jong, did not comment.

Follow us on Twitter
Share this article
";

fn entities() -> (Vec<Entity>, parallax::Analysis) {
    let analyzer = Analyzer::new(Limits::default());
    let analysis = analyzer.analyze(&Document::from_text(ARTICLE)).unwrap();
    (analysis.entities.clone(), analysis)
}

fn find<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    let matching: Vec<&Entity> = entities.iter().filter(|e| e.name == name).collect();
    assert_eq!(
        matching.len(),
        1,
        "exactly one entity named {name:?}; got {:#?}",
        entities
            .iter()
            .map(|e| (&e.name, e.kind, e.mentions.len()))
            .collect::<Vec<_>>()
    );
    matching[0]
}

fn texts(entity: &Entity) -> Vec<&str> {
    entity
        .mentions
        .iter()
        .map(|m| m.span.slice(ARTICLE))
        .collect()
}

#[test]
fn people_are_found_once_with_every_mention() {
    let (entities, _) = entities();
    let kim = find(&entities, "Kim Jong-un");
    assert_eq!(kim.kind, EntityType::Person);
    let kim_texts = texts(kim);
    for expected in ["Kim Jong-un", "Kim", "Kim Jong Un"] {
        assert!(kim_texts.contains(&expected), "{expected} in {kim_texts:?}");
    }
    assert!(
        kim.roles.iter().any(|r| r.contains("leader")),
        "{:?}",
        kim.roles
    );

    let putin = find(&entities, "Vladimir Putin");
    assert_eq!(putin.kind, EntityType::Person);
    assert!(putin.roles.contains(&"Russian President".to_owned()));
    let nominal: Vec<&str> = putin
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Nominal)
        .map(|m| m.span.slice(ARTICLE))
        .collect();
    assert_eq!(nominal, vec!["The Russian leader"]);
    assert!(texts(putin).contains(&"Putin"));

    let matsegora = find(&entities, "Alexander Matsegora");
    assert_eq!(
        matsegora.roles,
        vec!["Russia's ambassador to North Korea".to_owned()]
    );
    let korotchenko = find(&entities, "Igor Korotchenko");
    assert_eq!(texts(korotchenko), vec!["Igor Korotchenko", "Korotchenko"]);
    let sister = find(&entities, "Kim Yo Jong");
    assert_eq!(sister.mentions.len(), 1);
}

#[test]
fn organizations_join_acronyms_and_outlets_are_organizations() {
    let (entities, _) = entities();
    let kcna = find(&entities, "Korean Central News Agency");
    assert_eq!(kcna.kind, EntityType::Organization);
    assert_eq!(texts(kcna), vec!["Korean Central News Agency", "KCNA"]);
    assert_eq!(find(&entities, "Izvestia").kind, EntityType::Organization);
}

#[test]
fn places_are_canonical_and_nationalities_are_separate() {
    let (entities, _) = entities();
    let luhansk = find(&entities, "Luhansk");
    assert_eq!(luhansk.kind, EntityType::Location);
    assert_eq!(texts(luhansk), vec!["Lugansk", "Luhansk"]);
    assert_eq!(luhansk.aliases, vec!["Lugansk"]);
    for place in ["North Korea", "Donetsk", "Pyongyang", "Moscow"] {
        assert_eq!(find(&entities, place).kind, EntityType::Location, "{place}");
    }
    assert_eq!(
        find(&entities, "North Korean").kind,
        EntityType::Nationality
    );
}

#[test]
fn debris_never_yields_an_entity_and_spans_are_in_prose() {
    let (entities, analysis) = entities();
    let prose: Vec<_> = analysis
        .segmentation
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::Headline))
        .map(|b| b.span)
        .collect();
    for entity in &entities {
        assert!(!entity.name.contains("Twitter"), "{entity:#?}");
        for m in &entity.mentions {
            assert!(
                prose.iter().any(|b| b.contains(m.span)),
                "{:?} outside prose",
                m.span.slice(ARTICLE)
            );
        }
    }
    // Salience: the two leaders lead the list.
    let top: Vec<&str> = entities.iter().take(3).map(|e| e.name.as_str()).collect();
    assert!(
        top.contains(&"Kim Jong-un") && top.contains(&"Vladimir Putin"),
        "{top:?}"
    );
}

/// What `parallax eval ner --documents` scores: a document's name mentions as Analyze groups
/// them, on given tokens.
#[test]
fn document_mentions_find_a_name_throughout_without_its_determiner() {
    use parallax::entities::{Recognizer, conll::Mention, document_mentions};
    let sentences: Vec<Vec<&str>> = [
        "Military analyst Igor Korotchenko said the letters showed a new alliance .",
        "The ministry in Pyongyang did not comment .",
        "Korotchenko added that the Kremlin would respond .",
    ]
    .iter()
    .map(|s| s.split(' ').collect())
    .collect();
    let found = document_mentions(&Recognizer::builtin(), &sentences);
    assert_eq!(found.len(), 3);
    let person = |start, end| Mention {
        start,
        end,
        kind: EntityType::Person,
    };
    assert!(found[0].contains(&person(2, 4)), "{:?}", found[0]);
    assert!(found[2].contains(&person(0, 1)), "{:?}", found[2]);
    // "the Kremlin" is reported as "Kremlin", whatever its type.
    assert!(
        found[2].iter().any(|m| (m.start, m.end) == (4, 5)),
        "{:?}",
        found[2]
    );
    assert!(
        found[1]
            .iter()
            .any(|m| m.kind == EntityType::Location && (m.start, m.end) == (3, 4)),
        "{:?}",
        found[1]
    );
}

#[test]
fn pronouns_are_mentions_of_the_person_they_stand_for() {
    let text = "Sister visits Moscow

Kim Yo Jong said she would carry her brother's letter herself. She met Vladimir Putin on Monday.

Putin said he was grateful. His spokesman said the talks went well.
";
    let analysis = Analyzer::new(Limits::default())
        .analyze(&Document::from_text(text))
        .unwrap();
    let pronouns = |name: &str| -> Vec<&str> {
        find(&analysis.entities, name)
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Pronoun)
            .map(|m| m.span.slice(text))
            .collect()
    };
    // "she", "herself" and "She" are hers; "he" is Putin's (Kim Yo Jong is a "she" by her own
    // sentence, so she is no candidate); possessives ("her", "His") are left to the noun they
    // modify.
    assert_eq!(pronouns("Kim Yo Jong"), ["she", "herself", "She"]);
    assert_eq!(pronouns("Vladimir Putin"), ["he"]);
}

const PROFILE: &str = "A carpenter's road to the stage

Lars Eklund grew up in a fishing town.

He trained as a carpenter before he left for the capital. There he built sets for a theatre.

Anna Berg ran the theatre at the time. Berg was short of actors that winter, and Berg had an idea.

The next season he played the lead, and critics called him a natural.
";

#[test]
fn salience_counts_the_pronouns_of_a_profile_s_subject() {
    let analysis = Analyzer::new(Limits::default())
        .analyze(&Document::from_text(PROFILE))
        .unwrap();
    let entities = &analysis.entities;
    let eklund = find(entities, "Lars Eklund");
    let berg = find(entities, "Anna Berg");
    // Named once, then "he" four times and "him" once; Berg is named three times (and would
    // lead if only names counted).
    assert_eq!(
        eklund
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Pronoun)
            .count(),
        5
    );
    assert_eq!(eklund.id, "e1");
    assert_eq!(eklund.salience, 1.0);
    assert!(berg.salience < 1.0, "{berg:#?}");
}

const DENSE: &str = "Party congress ends

The Korean Central News Agency said the Workers' Party of Korea closed its congress.

Officials at the Department of Housing and Urban Development said the Food and Drug Administration agreed.
";

#[test]
fn institutions_survive_prose_as_capitalized_as_a_headline() {
    // Most long words of these sentences are capitalized, as in a headline, but "said" is not:
    // they are prose, and the institutions keep their capitals and their full names.
    let analysis = Analyzer::new(Limits::default())
        .analyze(&Document::from_text(DENSE))
        .unwrap();
    for name in [
        "Korean Central News Agency",
        "Workers' Party of Korea",
        "Department of Housing and Urban Development",
        "Food and Drug Administration",
    ] {
        assert_eq!(
            find(&analysis.entities, name).kind,
            EntityType::Organization,
            "{name}"
        );
    }
}

#[test]
fn a_headline_s_names_are_read_as_the_prose_spells_them() {
    // The headline's capitals cannot tell the ministry's name from the verb after it; the body
    // spells the name out, and the headline's mention joins it rather than becoming a "Ministry
    // Slams New" of its own.
    let headline = "Russian Foreign Ministry Slams New Sanctions Against Pyongyang";
    let text = format!(
        "{headline}\n\nMOSCOW -- The Russian Foreign Ministry on Tuesday condemned the new \
         sanctions against North Korea, its spokeswoman told reporters.\n"
    );
    let document = Document {
        title: headline.into(),
        text: text.clone(),
        ..Document::default()
    };
    let analysis = Analyzer::new(Limits::default()).analyze(&document).unwrap();
    assert_eq!(analysis.segmentation.blocks[0].kind, BlockKind::Headline);
    let ministry = find(&analysis.entities, "Russian Foreign Ministry");
    assert_eq!(ministry.kind, EntityType::Organization);
    let mentions: Vec<&str> = ministry
        .mentions
        .iter()
        .map(|m| m.span.slice(&text))
        .collect();
    assert_eq!(
        mentions,
        ["Russian Foreign Ministry", "Russian Foreign Ministry"]
    );
    assert_eq!(ministry.mentions[0].span.start, 0);
    let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("Slams") && *n != "Russian"),
        "{names:?}"
    );
}

#[test]
fn places_joined_by_a_hyphen_are_each_found() {
    let text = "Leaders pledged stronger Russia-North Korea ties and wider Russian-North Korean \
                trade, while Guinea-Bissau and the Moscow-backed authorities in eastern Ukraine \
                stayed silent. Ukraine protested. Crowds gathered on the anniversary of Korea’s \
                liberation from Japanese rule.";
    let analysis = Analyzer::new(Limits::default())
        .analyze(&Document::from_text(text))
        .unwrap();
    let spans = |name: &str| -> Vec<&str> {
        find(&analysis.entities, name)
            .mentions
            .iter()
            .map(|m| m.span.slice(text))
            .collect()
    };
    assert_eq!(
        find(&analysis.entities, "Russia").kind,
        EntityType::Location
    );
    assert_eq!(spans("Russia"), ["Russia"]);
    assert_eq!(spans("North Korea"), ["North Korea"]);
    assert_eq!(
        find(&analysis.entities, "Russian").kind,
        EntityType::Nationality
    );
    assert_eq!(spans("North Korean"), ["North Korean"]);
    // A place whose own name has a hyphen stays whole; a lowercase compass word is no name.
    assert_eq!(spans("Guinea-Bissau"), ["Guinea-Bissau"]);
    assert_eq!(spans("Ukraine"), ["Ukraine", "Ukraine"]);
    // Undivided Korea is a place of its own, neither of today's two states.
    assert_eq!(find(&analysis.entities, "Korea").kind, EntityType::Location);
}

#[test]
fn named_wars_are_events_and_their_places_stay_places() {
    let text = "SEOUL, Aug. 15 (Yonhap) -- Ties between Moscow and Pyongyang are closer than at \
                any time since the Cold War, the veteran diplomat said, recalling the Korean War \
                and the end of World War II. He said the Iraq War had taught Moscow caution.\n";
    let analysis = Analyzer::new(Limits::default())
        .analyze(&Document::from_text(text))
        .unwrap();
    for name in ["Cold War", "Korean War", "World War II"] {
        assert_eq!(
            find(&analysis.entities, name).kind,
            EntityType::Event,
            "{name}"
        );
    }
    assert_eq!(find(&analysis.entities, "Iraq").kind, EntityType::Location);
    assert_eq!(
        find(&analysis.entities, "Moscow").kind,
        EntityType::Location
    );
}
