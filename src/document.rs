//! The article as a caller sends it, validated.

use crate::error::{Error, Result};

/// A point in time, UTC, with nanosecond precision (the range of `google.protobuf.Timestamp`:
/// years 0001 to 9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(time::OffsetDateTime);

impl Timestamp {
    /// Earliest representable second: 0001-01-01T00:00:00Z.
    const MIN_SECONDS: i64 = -62_135_596_800;
    /// Latest representable second: 9999-12-31T23:59:59Z.
    const MAX_SECONDS: i64 = 253_402_300_799;

    /// Builds a timestamp from Unix seconds and nanoseconds, as in `google.protobuf.Timestamp`.
    /// `field` names the field for the error message.
    pub fn from_unix(seconds: i64, nanos: i32, field: &str) -> Result<Self> {
        if !(Self::MIN_SECONDS..=Self::MAX_SECONDS).contains(&seconds) {
            return Err(Error::invalid(
                field,
                format!("seconds {seconds} is outside years 0001-9999"),
            ));
        }
        if !(0..1_000_000_000).contains(&nanos) {
            return Err(Error::invalid(
                field,
                format!("nanos {nanos} is outside 0..999999999"),
            ));
        }
        let nanos_total = i128::from(seconds) * 1_000_000_000 + i128::from(nanos);
        time::OffsetDateTime::from_unix_timestamp_nanos(nanos_total)
            .map(Self)
            .map_err(|e| Error::invalid(field, e.to_string()))
    }

    /// Parses RFC 3339 (`2022-08-15T15:00:00+09:00`) or a bare date (`2022-08-15`, taken as
    /// midnight UTC).
    pub fn parse(input: &str, field: &str) -> Result<Self> {
        use time::format_description::well_known::Rfc3339;
        let input = input.trim();
        if let Ok(dt) = time::OffsetDateTime::parse(input, &Rfc3339) {
            return Self::from_unix(dt.unix_timestamp(), dt.nanosecond() as i32, field);
        }
        let date_format = time::macros::format_description!("[year]-[month]-[day]");
        match time::Date::parse(input, &date_format) {
            Ok(date) => Ok(Self(date.midnight().assume_utc())),
            Err(_) => Err(Error::invalid(
                field,
                format!("{input:?} is neither RFC 3339 (2022-08-15T15:00:00Z) nor YYYY-MM-DD"),
            )),
        }
    }

    /// Unix seconds.
    pub fn unix_seconds(&self) -> i64 {
        self.0.unix_timestamp()
    }

    /// Nanoseconds within the second.
    pub fn subsec_nanos(&self) -> i32 {
        // A nanosecond count within one second is below 10^9 and fits an i32.
        self.0.nanosecond() as i32
    }

    /// The calendar date (UTC).
    pub fn date(&self) -> time::Date {
        self.0.date()
    }

    /// Now, from the system clock.
    pub fn now() -> Self {
        Self(time::OffsetDateTime::now_utc())
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use time::format_description::well_known::Rfc3339;
        match self.0.format(&Rfc3339) {
            Ok(s) => f.write_str(&s),
            Err(_) => write!(f, "{}", self.0),
        }
    }
}

/// An article: its text and what the caller knows about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The article body, paragraphs separated by line breaks.
    pub text: String,
    /// The headline, when known (may be empty).
    pub title: String,
    /// The outlet (may be empty).
    pub source: String,
    /// Where it was published (may be empty).
    pub url: String,
    /// When it was published.
    pub published_at: Option<Timestamp>,
    /// IANA time zone of the outlet (may be empty).
    pub timezone: String,
}

impl Document {
    /// A document with only a text.
    pub fn from_text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// The calendar date of publication where the outlet is: `published_at` seen in `timezone`
    /// (an IANA name such as `Asia/Seoul`), or in UTC when no zone is given. A Seoul paper's
    /// 08:00 edition is still "today" there while UTC is on the day before.
    pub fn publication_date(&self) -> Result<Option<time::Date>> {
        let Some(published) = self.published_at else {
            return Ok(None);
        };
        let zone = self.timezone.trim();
        if zone.is_empty() {
            return Ok(Some(published.date()));
        }
        let tz = parse_timezone(zone)?;
        let instant = jiff::Timestamp::new(published.unix_seconds(), published.subsec_nanos())
            .map_err(|e| Error::invalid("document.published_at", e.to_string()))?;
        let local = tz.to_datetime(instant).date();
        let month = time::Month::try_from(u8::try_from(local.month()).unwrap_or(1))
            .map_err(|e| Error::Internal(format!("month out of range: {e}")))?;
        time::Date::from_calendar_date(
            i32::from(local.year()),
            month,
            u8::try_from(local.day()).unwrap_or(1),
        )
        .map(Some)
        .map_err(|e| Error::Internal(format!("local date out of range: {e}")))
    }

    /// A stable digest of everything the caller sent: equal documents, equal digests. Used to
    /// make AddArticle idempotent and to derive ids.
    pub fn content_digest(&self) -> [u8; 32] {
        let mut hasher = blake3::Hasher::new();
        for part in [
            &self.text,
            &self.title,
            &self.source,
            &self.url,
            &self.timezone,
        ] {
            // Length-prefixing keeps ("ab", "c") apart from ("a", "bc").
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        match self.published_at {
            Some(ts) => {
                hasher.update(&[1]);
                hasher.update(&ts.unix_seconds().to_le_bytes());
                hasher.update(&ts.subsec_nanos().to_le_bytes());
            }
            None => {
                hasher.update(&[0]);
            }
        }
        *hasher.finalize().as_bytes()
    }
}

/// Looks up an IANA time zone name in the compiled-in database.
pub(crate) fn parse_timezone(name: &str) -> Result<jiff::tz::TimeZone> {
    jiff::tz::TimeZone::get(name).map_err(|_| {
        Error::invalid(
            "document.timezone",
            format!("{name:?} is not an IANA time zone name; use names like Asia/Seoul or UTC"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_date_is_local_to_the_outlet() {
        // 2022-08-14T23:30:00Z is already Monday 2022-08-15 in Seoul.
        let mut doc = Document::from_text("x");
        doc.published_at = Some(Timestamp::parse("2022-08-14T23:30:00Z", "t").unwrap());
        let date = |y, m, d| time::Date::from_calendar_date(y, m, d).ok();
        assert_eq!(
            doc.publication_date().unwrap(),
            date(2022, time::Month::August, 14)
        );
        doc.timezone = "Asia/Seoul".into();
        assert_eq!(
            doc.publication_date().unwrap(),
            date(2022, time::Month::August, 15)
        );
        doc.timezone = "America/New_York".into();
        assert_eq!(
            doc.publication_date().unwrap(),
            date(2022, time::Month::August, 14)
        );
        doc.timezone = "Mars/Olympus".into();
        let err = doc.publication_date().unwrap_err();
        assert!(err.to_string().starts_with("document.timezone: "), "{err}");
    }

    #[test]
    fn parses_rfc3339_and_dates() {
        let ts = Timestamp::parse("2022-08-15T15:00:00+09:00", "f").unwrap();
        assert_eq!(ts.to_string(), "2022-08-15T06:00:00Z");
        let day = Timestamp::parse("2022-08-15", "f").unwrap();
        assert_eq!(day.to_string(), "2022-08-15T00:00:00Z");
    }

    #[test]
    fn rejects_bad_timestamps_naming_the_field() {
        let err = Timestamp::parse("15 Aug 2022", "published_at").unwrap_err();
        assert!(err.to_string().starts_with("published_at: "), "{err}");
        let err = Timestamp::from_unix(0, -1, "document.published_at").unwrap_err();
        assert!(err.to_string().contains("nanos -1"), "{err}");
        let err = Timestamp::from_unix(i64::MAX, 0, "x").unwrap_err();
        assert!(err.to_string().contains("outside years"), "{err}");
    }

    #[test]
    fn digest_separates_fields() {
        let a = Document {
            text: "ab".into(),
            title: "c".into(),
            ..Document::default()
        };
        let b = Document {
            text: "a".into(),
            title: "bc".into(),
            ..Document::default()
        };
        assert_ne!(a.content_digest(), b.content_digest());
        assert_eq!(a.content_digest(), a.clone().content_digest());
    }
}
