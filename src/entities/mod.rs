//! Named entities. This module holds what evaluating a recognizer needs: the entity types, readers
//! for the annotated corpora (CoNLL/IOB and GUM's CoNLL-U entity brackets) and exact-span scoring.
//! The recognizer itself comes with issue 3.

pub mod conll;

/// Entity types Parallax reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// People, real or fictional.
    Person,
    /// Companies, agencies, parties, media outlets, teams.
    Organization,
    /// Places: countries, cities, regions, facilities.
    Location,
    /// Nationalities and other groups named as adjectives ("Russian", "North Korean").
    Nationality,
    /// Named events ("World War II").
    Event,
    /// Other named things (works, products, laws).
    Other,
}

impl EntityType {
    /// The name used in reports: PERSON, ORGANIZATION, ...
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Location => "LOCATION",
            EntityType::Nationality => "NATIONALITY",
            EntityType::Event => "EVENT",
            EntityType::Other => "OTHER",
        }
    }

    /// Maps a corpus label (CoNLL `PER`, spaCy `GPE`, GUM `place`...) to a type; `None` for
    /// labels that are not named entities in Parallax's sense (GUM `time`, `abstract`...).
    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => EntityType::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" | "CORPORATION" | "GROUP" => {
                EntityType::Organization
            }
            "LOC" | "LOCATION" | "GPE" | "FAC" | "PLACE" => EntityType::Location,
            "NORP" | "NATIONALITY" => EntityType::Nationality,
            "EVENT" => EntityType::Event,
            "MISC" | "OTHER" | "PRODUCT" | "WORK_OF_ART" | "LAW" | "CREATIVE-WORK" => {
                EntityType::Other
            }
            _ => return None,
        })
    }
}
