use super::*;
use crate::text::segment;

fn date(s: &str) -> time::Date {
    timeml::parse_date(s).expect("test anchors are YYYY-MM-DD")
}

fn found(text: &str, anchor: &str) -> Vec<(String, &'static str, String)> {
    let anchor = (!anchor.is_empty()).then(|| date(anchor));
    extract(text, anchor)
        .into_iter()
        .map(|e| (e.span.slice(text).to_owned(), e.kind.as_str(), e.value))
        .collect()
}

/// `t!(name, text, anchor, [(expression, TYPE, value), ...])`; an empty anchor means none.
macro_rules! t {
    ($name:ident, $text:expr, $anchor:expr, [$(($span:expr, $kind:expr, $value:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(String, &str, String)> = vec![$(($span.to_owned(), $kind, $value.to_owned())),*];
            assert_eq!(found($text, $anchor), want, "{:?}", $text);
        }
    };
}

#[rustfmt::skip]
mod cases {
    use super::found;

    // Absolute dates.
    t!(full_date, "Japan surrendered on August 15, 1945, ending the war.", "2025-08-15", [("August 15, 1945", "DATE", "1945-08-15")]);
    t!(day_month_year, "The treaty was signed on 15 August 1945 in Tokyo.", "", [("15 August 1945", "DATE", "1945-08-15")]);
    t!(abbreviated_month_day, "SEOUL, Aug. 15 (Agency) -- The leaders wrote.", "2022-08-15", [("Aug. 15", "DATE", "2022-08-15")]);
    t!(month_day_no_anchor, "The talks opened Sept. 3 in Geneva.", "", [("Sept. 3", "DATE", "XXXX-09-03")]);
    // A weekday without a document date keeps its day of the week.
    t!(weekday_no_anchor, "The envoys met on Monday and again on Friday morning.", "", [("Monday", "DATE", "XXXX-WXX-1"), ("Friday morning", "DATE", "XXXX-WXX-5TMO")]);
    t!(previous_weekday_no_anchor, "He had left the previous Sunday.", "", [("the previous Sunday", "DATE", "XXXX-WXX-7")]);
    t!(month_year, "The plant closed in March 2019 after a fire.", "", [("March 2019", "DATE", "2019-03")]);
    t!(ordinal_day, "It happened on June 5th in the capital.", "2022-06-20", [("June 5th", "DATE", "2022-06-05")]);
    t!(iso_date, "The filing is dated 2022-08-15 and signed.", "", [("2022-08-15", "DATE", "2022-08-15")]);
    t!(dotted_date, "Posted 15.08.22 by the desk.", "", [("15.08.22", "DATE", "2022-08-15")]);
    t!(us_slashed_date, "The memo of 08/15/2022 was leaked.", "", [("08/15/2022", "DATE", "2022-08-15")]);
    // Ranges: a day and month joined to the next by a hyphen, and a year's last two digits.
    t!(day_month_range, "The siege (3 March-9 March) ended the campaign.", "1917-06-01", [("3 March", "DATE", "1917-03-03"), ("9 March", "DATE", "1917-03-09")]);
    t!(range_takes_its_end_year, "It lasted 30 December-2 January 1917 at sea.", "2009-12-19", [("30 December", "DATE", "1916-12-30"), ("2 January 1917", "DATE", "1917-01-02")]);
    t!(range_end_year_same_year, "They fought 31 May-1 June 1916 off the coast.", "2009-12-19", [("31 May", "DATE", "1916-05-31"), ("1 June 1916", "DATE", "1916-06-01")]);
    t!(two_digit_range_end, "Throughout 1915-17, the losses grew.", "", [("1915", "DATE", "1915"), ("17", "DATE", "1917")]);
    t!(two_digit_range_end_not_earlier, "The 1998-05 plan was a code, not a range.", "", [("1998", "DATE", "1998")]);
    // Each end of a range of days is its own expression, the first taking the month (and year)
    // the range is written with.
    t!(day_range_before_month, "The battle (6-7 January 1916) was lost.", "2009-12-19", [("6", "DATE", "1916-01-06"), ("7 January 1916", "DATE", "1916-01-07")]);
    t!(day_range_with_to, "From 15 to 22 February the assault went on.", "1984-03-01", [("15", "DATE", "1984-02-15"), ("22 February", "DATE", "1984-02-22")]);
    t!(day_range_after_month, "Talks are set for Aug. 15-17 in Geneva.", "2022-08-01", [("Aug. 15", "DATE", "2022-08-15"), ("17", "DATE", "2022-08-17")]);
    t!(month_range_in_one_word, "The siege (August-September 1950) held.", "2009-12-19", [("August", "DATE", "1950-08"), ("September 1950", "DATE", "1950-09")]);
    t!(season_range_in_one_word, "They left during the winter-spring of 1920.", "2009-12-19", [("the winter", "DATE", "1920-WI"), ("spring of 1920", "DATE", "1920-SP")]);
    t!(month_range_without_anchor, "Talks ran (November-December 1999) in Seattle.", "", [("November", "DATE", "1999-11"), ("December 1999", "DATE", "1999-12")]);
    t!(ordinal_of_a_month, "The talks ended on the 25th of August, and the 28th of that month saw a vote.", "2022-09-10", [("the 25th of August", "DATE", "2022-08-25"), ("the 28th of that month", "DATE", "2022-08-28")]);
    t!(ordinal_range, "From the 13th to the 19th of October 1950 they marched.", "", [("the 13th", "DATE", "1950-10-13"), ("the 19th of October 1950", "DATE", "1950-10-19")]);
    // A rate is no span of time: "30 a day" is not 31 days.
    t!(rate_is_not_a_duration, "Attacks averaged 30 a day and 960 a week.", "2009-12-19", []);
    t!(spoken_number_still_adds, "It lasted thirty one days.", "", [("thirty one days", "DURATION", "P31D")]);
    // A vague count of units before or after the time the text is at.
    t!(vague_later_in_a_narrative, "He was freed in 1944. A few days later he fled.", "2009-12-19", [("1944", "DATE", "1944"), ("A few days later", "DATE", "1944-XX-XX")]);
    t!(a_season_is_no_restated_year, "The war spread in 1941. On December 7, 1941, Japan attacked. In the summer of 1941 oil ran low. The next day talks failed.", "2009-12-19", [("1941", "DATE", "1941"), ("December 7, 1941", "DATE", "1941-12-07"), ("the summer of 1941", "DATE", "1941-SU"), ("The next day", "DATE", "1941-XX-XX")]);
    t!(vague_later_and_earlier, "A few days later, the army left. Only a few weeks earlier, it had won.", "2009-12-19", [("A few days later", "DATE", "FUTURE_REF"), ("a few weeks earlier", "DATE", "PAST_REF")]);
    // "the next day" after a month the narrative names without its day is a day of that month,
    // not the day after the document date.
    t!(next_day_of_a_month, "In June 1918 the army crossed the river. The city fell the next day.", "2009-12-19", [("June 1918", "DATE", "1918-06"), ("the next day", "DATE", "1918-06-XX")]);
    t!(day_range_with_its_year, "Talks ran Aug. 15-17, 1999 in Geneva.", "2022-08-01", [("Aug. 15", "DATE", "1999-08-15"), ("17, 1999", "DATE", "1999-08-17")]);
    t!(day_range_not_a_score, "The council voted 5-4 on 7 May.", "2022-08-01", [("7 May", "DATE", "2022-05-07")]);
    // Years before the common era, astronomical inside, "BC0480" outside.
    t!(bc_year, "Xerxes invaded Greece in 480 BC with a vast army.", "2009-12-19", [("480 BC", "DATE", "BC0480")]);
    t!(bc_dotted_and_month, "Carthage fell in 146 B.C. and in April 145 BC the city was razed.", "", [("146 B.C.", "DATE", "BC0146"), ("April 145 BC", "DATE", "BC0145-04")]);
    t!(bc_range_takes_the_era_of_its_end, "The revolt (499-493 BC) failed, as did the war from 264 to 241 BC.", "", [("499", "DATE", "BC0499"), ("493 BC", "DATE", "BC0493"), ("264", "DATE", "BC0264"), ("241 BC", "DATE", "BC0241")]);
    // "B.C." after a year near the document date is British Columbia; far from it, an era.
    t!(bc_is_also_a_province, "In 2010 B.C. Hydro raised its rates.", "", [("2010", "DATE", "2010")]);
    t!(bc_province_lowercase_after, "The 2017 B.C. election was close.", "2018-03-01", [("2017", "DATE", "2017")]);
    t!(bc_era_before_a_name, "In 1200 BC Egypt was strong.", "2018-03-01", [("1200 BC", "DATE", "BC1200")]);
    t!(decade_across_the_era, "The town was founded in AD 5. The previous decade had been quiet.", "2009-12-19", [("AD 5", "DATE", "0005"), ("The previous decade", "DATE", "XXX")]);
    t!(resolution_number, "Resolution No. 1483 passed.", "", []);
    t!(ad_year, "Vesuvius erupted in AD 79 and buried the town.", "", [("AD 79", "DATE", "0079")]);
    t!(bc_decade, "Throughout the 470s BC the league campaigned.", "", [("the 470s BC", "DATE", "BC047")]);
    // A narrative before the common era counts its years down: the year after 492 BC is 491 BC,
    // the century before the 300s BC the 400s BC.
    t!(bc_narrative, "The first campaign came in 492 BC. The following year, Darius sent envoys. In 387 BC the peace undid the gains of the previous century.", "2009-12-19", [("492 BC", "DATE", "BC0492"), ("The following year", "DATE", "BC0491"), ("387 BC", "DATE", "BC0387"), ("the previous century", "DATE", "BC04")]);
    // A stretch inside a date is that date, not "last week" seen from the document date.
    t!(last_week_of_a_month, "The army fell back in the last week of August 1918.", "2009-12-19", [("the last week of August 1918", "DATE", "1918-08")]);
    // A year the narrative is already at keeps it on its day: January comes after December 1941.
    t!(restated_year_keeps_the_day, "The war spread in 1941. On December 7 (December 8 in Asia), 1941, Japan attacked. In January, the Allies signed a declaration.", "2009-12-19", [("1941", "DATE", "1941"), ("December 7", "DATE", "1941-12-07"), ("December 8", "DATE", "1941-12-08"), ("1941", "DATE", "1941"), ("January", "DATE", "1942-01")]);
    t!(determined_year_before_a_plural, "The 1777 campaigns failed, and in 1956 protests grew; 2000 troops left.", "", [("1777", "DATE", "1777"), ("1956", "DATE", "1956")]);
    // "Month of year": the year written after "of", or the year the text is at.
    t!(month_of_year, "The plant opened in May of 2019 and on June 20 of 2019 it flooded.", "2022-08-15", [("May of 2019", "DATE", "2019-05"), ("June 20 of 2019", "DATE", "2019-06-20")]);
    t!(month_of_that_year, "The war began in 1940. In August of that year, the offensive stalled.", "2022-08-15", [("1940", "DATE", "1940"), ("August of that year", "DATE", "1940-08")]);
    t!(counts_and_numbers_are_not_years, "Resolution 1483 was passed in 2003; more than 1000 people fled.", "", [("2003", "DATE", "2003")]);
    // A date after "since" is background: the narrative goes on from the one before it.
    t!(since_is_background, "The campaign came in 492 BC, in Thrace, Persian since 513 BC. The following year, Darius sent envoys.", "2009-12-19", [("492 BC", "DATE", "BC0492"), ("513 BC", "DATE", "BC0513"), ("The following year", "DATE", "BC0491")]);
    t!(bare_year, "The two sides met in 2019 in Vladivostok.", "", [("2019", "DATE", "2019")]);
    t!(year_range, "the end of its 1910-1945 colonial rule", "", [("1910", "DATE", "1910"), ("1945", "DATE", "1945")]);
    t!(decade, "Prices soared in the 1990s and fell.", "", [("1990s", "DATE", "199")]);
    t!(spelled_decade, "Crime fell through the nineties and rose again.", "", [("the nineties", "DATE", "199")]);
    // Halves of a year or a decade, and decades with a modifier and article.
    t!(last_half_of_year, "Earnings will be weaker in the last half of 1995, the maker said.", "1995-03-01", [("the last half of 1995", "DATE", "1995-H2")]);
    t!(first_half_of_year, "Output grew in the first half of 2003.", "", [("the first half of 2003", "DATE", "2003-H1")]);
    t!(first_two_quarters, "The slump should last through the first two quarters of 1996.", "", [("the first two quarters of 1996", "DATE", "1996-H1")]);
    t!(hedged_two_quarters, "Demand stays weak for at least the first two quarters of 1996.", "", [("the first two quarters of 1996", "DATE", "1996-H1")]);
    t!(half_of_a_decade, "Volume was flat through the second half of the '70s.", "", [("the second half of the '70s", "DATE", "197")]);
    t!(half_without_year, "Net rose for the first half to $9 million.", "1995-08-01", []);
    t!(the_mid_decade, "The firm wants a third of the market by the mid-2020s.", "", [("the mid-2020s", "DATE", "202")]);
    t!(the_early_decade, "Shares peaked in the early 1970s and then slid.", "", [("the early 1970s", "DATE", "197")]);
    t!(bare_mid_decade, "Rents doubled by mid-1980s standards.", "", [("mid-1980s", "DATE", "198")]);
    t!(mid_year, "Talks stalled in mid-2019 and resumed.", "", [("mid-2019", "DATE", "2019")]);
    t!(post_year, "The post-1991 borders were never settled.", "", [("post-1991", "DATE", "1991")]);
    t!(pre_year, "Talks aim to restore the pre-1967 lines.", "", [("pre-1967", "DATE", "1967")]);
    t!(late_month, "In late July the leader spoke.", "2022-08-15", [("late July", "DATE", "2022-07")]);
    t!(weekday_with_date, "The vote is set for Friday, Oct. 23, officials said.", "1998-10-20", [("Friday, Oct. 23", "DATE", "1998-10-23")]);
    // Month names that are also words need a cue.
    t!(may_verb, "Officials said the envoy may resign.", "2022-08-15", []);
    t!(march_verb, "Thousands march through the capital.", "2022-08-15", []);
    t!(ordinal_century, "It was the deadliest war of the 20th century.", "2001-05-01", [("the 20th century", "DATE", "19")]);
    t!(spelled_century, "In the nineteenth century the port grew.", "", [("the nineteenth century", "DATE", "18")]);
    t!(century_adjective, "They bought an eighteenth-century farmhouse.", "", [("eighteenth-century", "DATE", "17")]);
    t!(century_bc, "The 4th century BC saw the city fall.", "", [("The 4th century BC", "DATE", "BC03")]);
    t!(centuries_count_is_a_duration, "The feud lasted two centuries.", "", [("two centuries", "DURATION", "P2CE")]);
    t!(short_month_before_a_name, "The envoy met Anna Berg and Jan Novak in the capital.", "1999-03-12", []);
    t!(full_month_before_a_name, "In July Danish troops left the base.", "2007-11-01", [("July", "DATE", "2007-07")]);
    t!(may_with_cue, "It vetoed the resolution in May, highlighting the divide.", "2022-08-15", [("May", "DATE", "2022-05")]);
    t!(march_with_day, "They met on March 3.", "2022-08-15", [("March 3", "DATE", "2022-03-03")]);
    t!(month_soon_ahead, "Elections are due in February.", "1998-12-05", [("February", "DATE", "1999-02")]);
    t!(month_far_ahead_is_past, "Elections were held in April.", "1998-12-05", [("April", "DATE", "1998-04")]);
    // The clause's tense, and "this/next/last year" after the month, choose the year.
    t!(month_far_ahead_expected, "The three are expected to join in April, officials said.", "1998-12-05", [("April", "DATE", "1999-04")]);
    t!(month_passive_future, "She will be named commander of the shuttle for a mission in December.", "1998-03-04", [("December", "DATE", "1998-12")]);
    t!(month_past_verb_keeps_nearest, "The thrift announced the plan Aug. 21.", "1989-10-30", [("Aug. 21", "DATE", "1989-08-21")]);
    t!(month_since_is_past, "The carrier has been on patrol since March and will return.", "1990-02-13", [("March", "DATE", "1989-03")]);
    // A deadline's "by" or "until" looks ahead, however far the month.
    t!(month_by_deadline_is_ahead, "The firm must repay the loan by February, the bank said.", "1989-10-30", [("February", "DATE", "1990-02")]);
    t!(month_until_is_ahead, "The ban stays in force until June, officials said.", "1989-10-02", [("June", "DATE", "1990-06")]);
    t!(period_ended_is_past, "In the fiscal year ended Jan. 31, sales rose.", "1989-11-02", [("the fiscal year", "DURATION", "P1Y"), ("Jan. 31", "DATE", "1989-01-31")]);
    t!(year_ago_adjective, "The year-ago results included a charge.", "1989-11-02", [("year-ago", "DATE", "1988")]);
    t!(year_ago_quarter_keeps_the, "Net fell from the year-ago quarter.", "1989-11-02", [("the year-ago quarter", "DATE", "1988-Q3")]);
    t!(month_this_year, "The process began in February this year.", "1998-12-03", [("February", "DATE", "1998-02")]);
    t!(month_last_year_after_a_comma, "Prices peaked in May, last year the slump began.", "1998-12-03", [("May", "DATE", "1998-05"), ("last year", "DATE", "1997")]);
    t!(month_next_year, "They join in April next year.", "1998-06-03", [("April", "DATE", "1999-04")]);
    t!(last_month_name, "The two presidents signed the treaty last May.", "1998-02-27", [("last May", "DATE", "1997-05")]);
    t!(last_month_name_behind, "He left the bank last October.", "1999-05-05", [("last October", "DATE", "1998-10")]);
    t!(last_month_and_day, "The clinic was bombed last Oct. 23 at night.", "1999-04-19", [("Oct. 23", "DATE", "1998-10-23")]);
    t!(last_month_and_day_this_year, "He resigned last March 2 after the vote.", "1999-04-19", [("March 2", "DATE", "1999-03-02")]);
    t!(next_month_and_day, "The court sits again next Feb. 10.", "1999-04-19", [("Feb. 10", "DATE", "2000-02-10")]);
    t!(this_month_name, "With the election due this September, the polls matter.", "1998-02-05", [("this September", "DATE", "1998-09")]);
    t!(next_month_name, "The summit is next March.", "1998-03-10", [("next March", "DATE", "1999-03")]);
    // A month named again without a cue of its own is the one already named.
    t!(month_named_again, "The three will join in April. They can help plan the summit in April.", "1998-12-05", [("April", "DATE", "1999-04"), ("April", "DATE", "1999-04")]);
    t!(month_named_again_after_a_date, "Talks open on Feb. 2, 1990. Envoys hope for a deal in February.", "1989-10-30", [("Feb. 2, 1990", "DATE", "1990-02-02"), ("February", "DATE", "1990-02")]);
    t!(month_named_again_with_a_cue, "The loan is due by February. The firm was bought in February, before the loan, he said. Since February it has sold two units.", "1989-10-30", [("February", "DATE", "1990-02"), ("February", "DATE", "1989-02"), ("February", "DATE", "1989-02")]);
    // "March" dating the noun after "the"; not when it is a name.
    t!(march_modifier, "The March accession lets them sign the papers.", "1999-02-10", [("March", "DATE", "1999-03")]);
    t!(march_name, "He spoke at the March on Washington.", "1999-02-10", []);
    t!(may_modifier_is_a_name, "Critics of the May government spoke.", "2019-02-10", []);
    // A second day of the same month: "April 24 and 25".
    t!(and_day, "The summit is on April 24 and 25 in Washington.", "1999-02-10", [("April 24", "DATE", "1999-04-24"), ("25", "DATE", "1999-04-25")]);
    t!(or_day_end_of_sentence, "The vote falls on Sept. 3 or 4.", "1999-08-10", [("Sept. 3", "DATE", "1999-09-03"), ("4", "DATE", "1999-09-04")]);
    t!(and_a_count, "On April 24 and 25 people were hurt.", "1999-05-10", [("April 24", "DATE", "1999-04-24")]);
    t!(and_day_before_a_year, "The talks ran on April 24 and 25, 1997, in Oslo.", "1999-05-10", [("April 24", "DATE", "1997-04-24"), ("25, 1997", "DATE", "1997-04-25")]);
    t!(and_an_earlier_number, "Polls open April 24 and 3 of the 9 seats are in doubt.", "1999-04-10", [("April 24", "DATE", "1999-04-24")]);
    // Relative to the anchor.
    t!(monday_same_day, "State media reported Monday that letters were exchanged.", "2022-08-15", [("Monday", "DATE", "2022-08-15")]);
    t!(weekday_past, "The ministry said on Friday that talks failed.", "2022-08-15", [("Friday", "DATE", "2022-08-12")]);
    t!(weekday_three_days_ahead_is_past, "The envoys met on Monday.", "2025-08-15", [("Monday", "DATE", "2025-08-11")]);
    t!(weekday_two_days_ahead_is_past, "Talks ended Friday without a deal.", "1990-08-15", [("Friday", "DATE", "1990-08-10")]);
    t!(weekday_nearest_ahead, "The panel meets Tuesday to decide.", "1998-08-17", [("Tuesday", "DATE", "1998-08-18")]);
    t!(next_weekday, "The envoy will return next Tuesday.", "2022-08-15", [("next Tuesday", "DATE", "2022-08-16")]);
    t!(last_weekday, "He spoke last Friday at the forum.", "2022-08-15", [("last Friday", "DATE", "2022-08-12")]);
    t!(last_month, "North Korea last month recognized the republics.", "2022-08-15", [("last month", "DATE", "2022-07")]);
    t!(last_week_iso, "Last week, the sister of the leader repeated threats.", "2022-08-15", [("Last week", "DATE", "2022-W32")]);
    t!(last_year, "The pact was signed last year in Pyongyang.", "2025-08-15", [("last year", "DATE", "2024")]);
    t!(this_year, "Exports rose this year by a third.", "2022-08-15", [("this year", "DATE", "2022")]);
    t!(next_month, "A summit is planned for next month.", "2022-12-10", [("next month", "DATE", "2023-01")]);
    t!(last_summer, "The counter-offensive last summer failed.", "2025-08-15", [("last summer", "DATE", "2024-SU")]);
    t!(past_spring, "Sales fell this past spring, the company said.", "1989-10-30", [("this past spring", "DATE", "1989-SP")]);
    t!(next_summer_in_summer, "The plant reopens next summer.", "1998-07-10", [("next summer", "DATE", "1999-SU")]);
    t!(next_summer_in_spring, "The plant reopens next summer.", "1998-03-10", [("next summer", "DATE", "1998-SU")]);
    // A bare season: with its year, or in the year the clause points to, like a bare month.
    t!(season_with_year, "Fighting resumed in the summer of 1994 and again in winter 1995.", "", [("the summer of 1994", "DATE", "1994-SU"), ("winter 1995", "DATE", "1995-WI")]);
    t!(season_spoken_year, "That was the winter of nineteen ninety-four.", "1998-02-10", [("the winter of nineteen ninety-four", "DATE", "1994-WI")]);
    t!(season_past, "Competitors cut prices over the summer, the brewer said.", "1989-10-30", [("the summer", "DATE", "1989-SU")]);
    t!(season_early, "Orders rose from the low levels of the early summer.", "1989-10-30", [("the early summer", "DATE", "1989-SU")]);
    t!(season_ahead, "The troops will withdraw in the spring.", "1998-11-20", [("the spring", "DATE", "1999-SP")]);
    // A winter is dated by its January: the one after the fall of 1777 is 1778's.
    t!(winter_after_a_fall, "The army camped at Valley Forge in December 1777. Over the winter, many died.", "2009-12-19", [("December 1777", "DATE", "1777-12"), ("the winter", "DATE", "1778-WI")]);
    t!(next_winter, "Talks resume next winter, the minister said.", "2009-08-10", [("next winter", "DATE", "2010-WI")]);
    // In December a winter has begun: "this winter" is the one that ends next year.
    t!(winters_in_december, "This winter is cold; last winter was mild; next winter may be worse.", "2009-12-10", [("This winter", "DATE", "2010-WI"), ("last winter", "DATE", "2009-WI"), ("next winter", "DATE", "2011-WI")]);
    t!(winters_in_february, "This winter is cold; last winter was mild.", "2010-02-10", [("This winter", "DATE", "2010-WI"), ("last winter", "DATE", "2009-WI")]);
    t!(fall_of_a_city, "After the fall of Atlanta in the fall of 1864, and the fall of the regime, the war ended.", "", [("the fall of 1864", "DATE", "1864-FA")]);
    t!(season_modifier, "The summer camp and the winter Olympics drew crowds.", "1998-11-20", []);
    t!(season_needs_a_cue, "Summer is coming, he wrote.", "1998-11-20", []);
    // Parts of the anchor's day.
    t!(this_morning, "Results will be disclosed this morning and later this afternoon.", "1989-10-26", [("this morning", "TIME", "1989-10-26TMO"), ("later this afternoon", "TIME", "1989-10-26TAF")]);
    t!(last_night, "The blast came last night, the police said.", "1998-01-20", [("last night", "TIME", "1998-01-19TNI")]);
    t!(yesterday_morning, "He left yesterday morning and returns tomorrow evening.", "1998-01-20", [("yesterday morning", "TIME", "1998-01-19TMO"), ("tomorrow evening", "TIME", "1998-01-21TEV")]);
    t!(last_morning_is_no_date, "It was the last morning and the last night of the trip.", "1998-01-20", []);
    // Holidays: fixed, nth-weekday and Easter dates, in the year the clause points to.
    t!(holiday_thanksgiving, "The boy was found Thanksgiving Day clinging to an inner tube.", "2000-01-07", [("Thanksgiving Day", "DATE", "1999-11-25")]);
    t!(holiday_last, "He was rescued last Thanksgiving after the wreck.", "2000-02-10", [("last Thanksgiving", "DATE", "1999-11-25")]);
    t!(holiday_ahead, "The troops will be home by Christmas, he said.", "2007-09-13", [("Christmas", "DATE", "2007-12-25")]);
    t!(holiday_with_year, "He predicted victory by Christmas 1963.", "", [("Christmas 1963", "DATE", "1963-12-25")]);
    t!(holiday_part_of_day, "They crossed the river on Christmas night.", "1776-12-28", [("Christmas night", "TIME", "1776-12-25TNI")]);
    t!(holiday_easter, "Protests peaked on Easter Sunday and on Good Friday.", "2000-04-25", [("Easter Sunday", "DATE", "2000-04-23"), ("Good Friday", "DATE", "2000-04-21")]);
    t!(holiday_election, "Voters go to the polls on Election Day.", "1998-10-26", [("Election Day", "DATE", "1998-11-03")]);
    t!(holiday_nth_weekday, "Offices close on Labor Day and reopen after Memorial Day.", "2022-03-01", [("Labor Day", "DATE", "2021-09-06"), ("Memorial Day", "DATE", "2022-05-30")]);
    t!(holiday_names_are_no_dates, "The song White Christmas played near the Christmas tree on Christmas Island.", "2022-03-01", []);
    // Anchored to the time the text last named, not to the document date.
    t!(following_year, "On May 3, 1994, she was elected, and the following year she resigned.", "1999-02-01", [("May 3, 1994", "DATE", "1994-05-03"), ("the following year", "DATE", "1995")]);
    t!(following_month, "Talks began in March. The following month the firm was sold.", "1989-10-27", [("March", "DATE", "1989-03"), ("The following month", "DATE", "1989-04")]);
    t!(later_that_year, "The mill closed in March 1996 and reopened later that year.", "1999-02-01", [("March 1996", "DATE", "1996-03"), ("later that year", "DATE", "1996")]);
    t!(earlier_that_day, "The judge ruled on Oct. 12, 1997. Earlier that day, protesters gathered.", "1998-01-05", [("Oct. 12, 1997", "DATE", "1997-10-12"), ("Earlier that day", "DATE", "1997-10-12")]);
    // A narrative: once the text has moved years away from the document date, yearless months,
    // days, seasons and "N days later" take their year from the time it is at.
    t!(narrative_month, "In 1941 the army crossed the border. In May it reached the river.", "2009-12-19", [("1941", "DATE", "1941"), ("May", "DATE", "1941-05")]);
    t!(narrative_day, "Italy declared war on June 10, 1940. On July 14 the fleet was shelled.", "2009-12-19", [("June 10, 1940", "DATE", "1940-06-10"), ("July 14", "DATE", "1940-07-14")]);
    t!(narrative_turn_of_year, "The offensive began in 1941 and by December it had stalled. In January the counter-attack came.", "2009-12-19", [("1941", "DATE", "1941"), ("December", "DATE", "1941-12"), ("January", "DATE", "1942-01")]);
    t!(narrative_look_back, "The siege failed in June 1941. In April the troops had landed.", "2009-12-19", [("June 1941", "DATE", "1941-06"), ("April", "DATE", "1941-04")]);
    t!(narrative_days_later, "Italy invaded on June 10, 1940; twelve days later France surrendered.", "2009-12-19", [("June 10, 1940", "DATE", "1940-06-10"), ("twelve days later", "DATE", "1940-06-22")]);
    t!(narrative_decade_earlier, "The treaty was signed in 1919. A decade earlier the border was drawn.", "2009-12-19", [("1919", "DATE", "1919"), ("A decade earlier", "DATE", "1909")]);
    t!(narrative_season, "In 1915 the front held through the summer.", "2009-12-19", [("1915", "DATE", "1915"), ("the summer", "DATE", "1915-SU")]);
    t!(narrative_end_of_month, "In May 1940 the army was cut off and left by the end of the month.", "2009-12-19", [("May 1940", "DATE", "1940-05"), ("the end of the month", "DATE", "1940-05")]);
    t!(narrative_same_day, "On 3 November 1918 the armistice was signed; the same day the fleet mutinied.", "2009-12-19", [("3 November 1918", "DATE", "1918-11-03"), ("the same day", "DATE", "1918-11-03")]);
    // ... but not a news report: a clause that looks forward, a month named from the present,
    // or a past year mentioned among more dates near the report's.
    t!(narrative_not_forward, "The alliance was founded in 1949. The issue is expected to dominate the summit in April.", "1999-03-12", [("1949", "DATE", "1949"), ("April", "DATE", "1999-04")]);
    t!(narrative_not_last_month_name, "The alliance was founded in 1949. It met last May.", "1999-03-12", [("1949", "DATE", "1949"), ("last May", "DATE", "1998-05")]);
    t!(narrative_not_mostly_present, "The firm said on Tuesday that it was sold. It was founded in 1985 and in May it opened a plant.", "1999-06-10", [("Tuesday", "DATE", "1999-06-08"), ("1985", "DATE", "1985"), ("May", "DATE", "1999-05")]);
    t!(narrative_returns_to_present, "In 1941 the army crossed the border. Veterans met on Tuesday to recall it, and in May they marched.", "2009-12-19", [("1941", "DATE", "1941"), ("Tuesday", "DATE", "2009-12-15"), ("May", "DATE", "2009-05")]);
    t!(that_same_day, "He resigned on June 2, 1995, and that same day he left the country.", "1998-01-05", [("June 2, 1995", "DATE", "1995-06-02"), ("that same day", "DATE", "1995-06-02")]);
    t!(that_afternoon, "The rebels took the bridge on April 4, 1945, and by that afternoon the town fell.", "", [("April 4, 1945", "DATE", "1945-04-04"), ("that afternoon", "TIME", "1945-04-04TAF")]);
    t!(that_after_a_verb, "He argued that day care costs too much.", "1998-01-05", []);
    t!(previous_weekday, "Shares fell Thursday, down 3% from the previous Friday.", "1989-10-27", [("Thursday", "DATE", "1989-10-26"), ("the previous Friday", "DATE", "1989-10-20")]);
    t!(following_weekday, "The court sat on Jan. 7, 2000, and again the following Monday.", "2000-02-01", [("Jan. 7, 2000", "DATE", "2000-01-07"), ("the following Monday", "DATE", "2000-01-10")]);
    t!(next_morning, "He was arrested on Feb. 20, 2000, and appeared in court the next morning.", "2000-02-24", [("Feb. 20, 2000", "DATE", "2000-02-20"), ("the next morning", "TIME", "2000-02-21TMO")]);
    t!(the_next_year_looks_ahead, "Sales fell in 1988 and will recover over the next year.", "1989-10-27", [("1988", "DATE", "1988"), ("the next year", "DATE", "1990")]);
    // A day or week named by its relation to a dated day.
    t!(week_of_a_date, "The trial opens the week of May 8, the court said.", "2000-04-20", [("the week of May 8", "DATE", "2000-W19")]);
    t!(day_before_a_weekday, "The day before last Monday's vote, the mayor resigned.", "2000-02-24", [("day before last Monday", "DATE", "2000-02-20")]);
    t!(day_after_a_holiday, "Shops reopen the day after Christmas.", "1998-12-20", [("day after Christmas", "DATE", "1998-12-26")]);
    t!(yesterday, "The shelling resumed yesterday near the port.", "2022-08-15", [("yesterday", "DATE", "2022-08-14")]);
    t!(today, "The market opened lower today.", "2022-08-15", [("today", "DATE", "2022-08-15")]);
    t!(tomorrow, "Voting ends tomorrow.", "2022-12-31", [("tomorrow", "DATE", "2023-01-01")]);
    t!(days_ago, "The drill took place two days ago off the coast.", "2022-08-15", [("two days ago", "DATE", "2022-08-13")]);
    t!(years_ago, "A decade ago nobody expected this.", "2022-08-15", [("A decade ago", "DATE", "2012")]);
    t!(weeks_ago, "Three weeks ago the talks collapsed.", "2022-08-15", [("Three weeks ago", "DATE", "2022-W30")]);
    t!(earlier_this_month, "Earlier this month, the envoy resigned.", "2022-08-15", [("Earlier this month", "DATE", "2022-08")]);
    t!(earlier_weekday, "Earlier Friday, the envoy resigned.", "2022-08-15", [("Friday", "DATE", "2022-08-12")]);
    t!(early_next_year, "A deal is expected early next year.", "1989-10-26", [("early next year", "DATE", "1990")]);
    t!(quarter, "Profit fell in the third quarter, the company said.", "1989-10-26", [("the third quarter", "DATE", "1989-Q3")]);
    t!(hyphen_quarter, "Its third-quarter profit rose.", "1989-10-26", [("third-quarter", "DATE", "1989-Q3")]);
    t!(no_anchor_relative, "The letter arrived last month.", "", [("last month", "DATE", "XXXX-XX")]);
    // Vague references.
    t!(be_to_weekday_ahead, "The stock is to resume trading in Paris Tuesday.", "1989-10-26", [("Tuesday", "DATE", "1989-10-31")]);
    t!(recently, "Korotchenko recently claimed troops were ready.", "2022-08-15", [("recently", "DATE", "PAST_REF")]);
    t!(now_present, "North Korea is now supplying shells.", "2022-08-15", [("now", "DATE", "PRESENT_REF")]);
    t!(now_discourse, "Now, the question is what comes next.", "2022-08-15", []);
    // Titles of shows and films are no dates; a quotation that opens with one is.
    t!(show_title, "The minister said on the network's \"This Week\" that talks would go on.", "1991-02-25", []);
    t!(show_title_runs_on, "He said on \"This Week With Anna Berg\" that the deadline stood.", "1991-02-25", []);
    t!(show_title_with_number, "She spoke on ``60 Minutes.'' about the case.", "1991-02-25", []);
    t!(newspaper_named_today, "The poll was published by USA Today and CNN.", "1991-02-25", []);
    t!(quotation_opening_with_a_date, "``Today, we start again,'' she said.", "1991-02-25", [("Today", "DATE", "1991-02-25")]);
    t!(quoted_phrase_lowercase, "He called it ``this week's crisis'' in a speech.", "1991-02-25", [("this week", "DATE", "1991-W09")]);
    t!(age_is_no_duration, "The chairman, 61 years old, will retire.", "1989-11-01", []);
    t!(age_or_older, "Staff 50 years old or older may leave early.", "1989-11-01", []);
    t!(now_that, "Ships will sail again now that the port has reopened.", "2022-08-15", [("now", "DATE", "PRESENT_REF")]);
    t!(the_future, "Ties will deepen in the future, he said.", "2022-08-15", [("the future", "DATE", "FUTURE_REF")]);
    t!(the_past, "Such threats were common in the past.", "2022-08-15", [("the past", "DATE", "PAST_REF")]);
    // Durations and sets.
    t!(duration_words, "The war lasted three years.", "", [("three years", "DURATION", "P3Y")]);
    // A unit after a quantity is a rate, not a length of time.
    t!(rate_after_an_amount, "The notes cost the firm $2 million a year in interest.", "", []);
    t!(rate_after_a_count, "The route adds 700 seats a week.", "", []);
    t!(a_year_after_a_verb, "The repairs took a year.", "", [("a year", "DURATION", "P1Y")]);
    t!(duration_digits, "It marked 77 years since liberation.", "", [("77 years", "DURATION", "P77Y")]);
    t!(duration_hyphen, "The deal has a five-year term.", "", [("five-year", "DURATION", "P5Y")]);
    t!(duration_hours, "Talks went on for 24 hours.", "", [("24 hours", "DURATION", "PT24H")]);
    t!(duration_compound, "The last twenty four hours were calm.", "", [("The last twenty four hours", "DURATION", "PT24H")]);
    t!(hedged_duration, "The siege lasted nearly two years.", "", [("nearly two years", "DURATION", "P2Y")]);
    t!(hedged_ago, "They met almost four years ago in Hanoi.", "2022-08-15", [("almost four years ago", "DATE", "2018")]);
    t!(vague_ago, "Several years ago the plant closed.", "2022-08-15", [("Several years ago", "DATE", "PAST_REF")]);
    t!(earlier_this_year, "Earlier this year the envoy resigned.", "2022-08-15", [("Earlier this year", "DATE", "2022")]);
    // Hedges after an expression that stay in its span, and amounts written in words.
    t!(or_so_duration, "Rates may stay low over the next three years or so, he said.", "", [("the next three years or so", "DURATION", "P3Y")]);
    t!(or_so_relative, "The plant will shut over the next year or so.", "1992-05-04", [("the next year or so", "DATE", "1993")]);
    t!(or_so_ago, "Two days or so ago the envoy left.", "1992-05-04", [("Two days or so ago", "DATE", "1992-05-02")]);
    t!(year_or_later, "It will not break even until 2001 or later.", "", [("2001 or later", "DATE", "2001")]);
    t!(year_and_beyond, "Sales look firm for 1993 and beyond.", "", [("1993 and beyond", "DATE", "1993")]);
    t!(a_couple_of, "The gloom may persist for a couple of years.", "", [("a couple of years", "DURATION", "P2Y")]);
    t!(next_couple_of, "Prices rise over the next couple of months.", "", [("the next couple of months", "DURATION", "P2M")]);
    t!(couple_of_ago, "A couple of weeks ago the board met.", "1992-05-04", [("A couple of weeks ago", "DATE", "1992-W17")]);
    t!(more_units, "The lease runs for at least 30 more years.", "", [("at least 30 more years", "DURATION", "P30Y")]);
    t!(half_years, "The refugees spent 2 1/2 years in the camps.", "", [("2 1/2 years", "DURATION", "P2Y6M")]);
    t!(half_hours, "The envoy stayed about 4 1/2 hours in the capital.", "", [("4 1/2 hours", "DURATION", "PT4H30M")]);
    t!(half_weeks, "The strike lasted 3 1/2 weeks.", "", [("3 1/2 weeks", "DURATION", "P3.5W")]);
    t!(duration_vague, "The sanctions have been in place for years.", "", [("years", "DURATION", "PXY")]);
    t!(duration_several, "Negotiations took several months.", "", [("several months", "DURATION", "PXM")]);
    t!(set_every, "The festival is held every year in the city.", "", [("every year", "SET", "P1Y")]);
    t!(set_each_weekday, "The ferry sails each Wednesday from the port.", "1998-02-13", [("each Wednesday", "SET", "XXXX-WXX-3")]);
    t!(set_every_weekday_night, "The club meets every Friday night.", "1998-02-13", [("every Friday night", "SET", "XXXX-WXX-5TNI")]);
    t!(set_plural_weekday, "The shop is closed on Sundays.", "1998-02-13", [("Sundays", "SET", "XXXX-WXX-7")]);
    t!(set_weekdays_share_a_night, "Buses run on Friday and Saturday nights.", "1998-02-13", [("Friday", "SET", "XXXX-WXX-5TNI"), ("Saturday nights", "SET", "XXXX-WXX-6TNI")]);
    t!(weekdays_without_a_set, "They met on Friday and Saturday.", "1998-02-13", [("Friday", "DATE", "1998-02-13"), ("Saturday", "DATE", "1998-02-14")]);
    t!(set_each_month, "Pilgrims gather there each August.", "", [("each August", "SET", "XXXX-08")]);
    t!(set_weekly, "The committee meets weekly.", "", [("weekly", "SET", "P1W")]);
    // Span conventions of TimeBank and AQUAINT: some hedges are in, prepositions are out.
    t!(over_the_past, "Prices doubled over the past 20 years.", "", [("the past 20 years", "DURATION", "P20Y")]);
    t!(over_an_amount, "The hearing lasted over an hour.", "", [("over an hour", "DURATION", "PT1H")]);
    t!(about_is_out, "The strike lasted about three days.", "", [("three days", "DURATION", "P3D")]);
    t!(almost_every_day, "Shells fell almost every day.", "", [("every day", "SET", "P1D")]);
    t!(the_next_years, "Spending will rise over the next four years.", "", [("the next four years", "DURATION", "P4Y")]);
    t!(weekday_night, "The blast came Sunday night near the port.", "1998-10-26", [("Sunday night", "DATE", "1998-10-25")]);
    t!(weekday_morning, "The talks resumed Tuesday morning in the capital.", "1998-10-22", [("Tuesday morning", "DATE", "1998-10-20TMO")]);
    t!(weekend_early_week, "Talks went on over the weekend.", "1990-08-13", [("the weekend", "DATE", "1990-W32-WE")]);
    t!(weekend_late_week, "Talks will go on over the weekend.", "1990-08-17", [("the weekend", "DATE", "1990-W33-WE")]);
    t!(ahead_of_the_weekend, "Traders squared positions ahead of the weekend.", "1990-08-14", [("the weekend", "DATE", "1990-W33-WE")]);
    t!(last_weekend, "Talks broke down last weekend.", "1990-08-17", [("last weekend", "DATE", "1990-W32-WE")]);
    // The end of the anchor's year or month, valued as the period itself.
    t!(by_year_end, "The sale should close by year-end, the bank said.", "1991-05-06", [("year-end", "DATE", "1991")]);
    t!(since_year_end, "The index has gained 12% since year-end.", "1991-05-06", [("year-end", "DATE", "1990")]);
    t!(by_year_s_end, "New rules will be in force by year's end.", "1991-05-06", [("year's end", "DATE", "1991")]);
    t!(by_year_end_two_words, "The mill will cut 900 jobs by year end.", "1991-05-06", [("year end", "DATE", "1991")]);
    t!(year_end_modifier, "The year-end bonus was cut.", "1991-05-06", []);
    t!(end_of_the_year, "Rates will fall by the end of the year, he said.", "1991-05-06", [("the end of the year", "DATE", "1991")]);
    t!(end_of_the_month, "The brigade will be in place by the end of the month.", "1991-05-06", [("the end of the month", "DATE", "1991-05")]);
    t!(end_of_the_day_is_an_idiom, "At the end of the day, voters decide.", "1991-05-06", []);
    t!(fiscal_year, "Sales fell in fiscal 1989.", "1989-10-26", [("fiscal 1989", "DATE", "1989")]);
    t!(fiscal_quarter, "Profit rose in the fiscal first quarter.", "1989-10-26", [("the fiscal first quarter", "DATE", "1989-Q1")]);
    t!(fiscal_hyphen_quarter, "Net rose in the fiscal-second quarter ended Aug. 31.", "1989-10-26", [("the fiscal-second quarter", "DATE", "1989-Q2"), ("Aug. 31", "DATE", "1989-08-31")]);
    t!(year_ended, "Revenue for the year ended Sept. 30 rose.", "1989-10-26", [("the year", "DURATION", "P1Y"), ("Sept. 30", "DATE", "1989-09-30")]);
    // "The quarter ended" a date is the calendar quarter most of its three months fall in.
    t!(quarter_ended_september, "Net fell in the quarter ended Sept. 30.", "1989-10-26", [("the quarter", "DATE", "1989-Q3"), ("Sept. 30", "DATE", "1989-09-30")]);
    t!(quarter_ended_july, "In the quarter ended July 31, sales rose.", "1989-10-30", [("the quarter", "DATE", "1989-Q2"), ("July 31", "DATE", "1989-07-31")]);
    t!(quarter_ended_january, "Sales rose in the quarter ending Jan. 31.", "1990-03-01", [("the quarter", "DATE", "1989-Q4"), ("Jan. 31", "DATE", "1990-01-31")]);
    t!(the_current_year, "Output for the current year is flat.", "1989-10-26", [("the current year", "DATE", "1989")]);
    t!(spoken_year, "The law passed in nineteen ninety-six.", "", [("nineteen ninety-six", "DATE", "1996")]);
    t!(spoken_month_year, "It began in January nineteen ninety-seven.", "", [("January nineteen ninety-seven", "DATE", "1997-01")]);
    t!(spoken_two_thousand, "Plans for the year two thousand were set.", "", [("the year two thousand", "DATE", "2000")]);
    t!(two_thousand_count, "Two thousand troops crossed.", "", []);
    t!(year_quarter, "Profit fell from the 1988 third quarter.", "", [("the 1988 third quarter", "DATE", "1988-Q3")]);
    t!(this_years_quarter, "Profit rose in this year's third quarter.", "1989-10-26", [("this year's third quarter", "DATE", "1989-Q3")]);
    // An earnings report is about the first quarter it names, and its "a year earlier" is that
    // quarter a year back; one named quarter is enough to make it a report.
    t!(named_quarter_is_the_reported_one, "Fourth-quarter profit rose to $5 million from $4 million a year earlier. Sales in the latest period grew 8%.", "1989-11-02", [("Fourth-quarter", "DATE", "1989-Q4"), ("a year earlier", "DATE", "1988-Q4"), ("the latest period", "DATE", "1989-Q4")]);
    t!(one_named_quarter_makes_a_report, "Third-quarter net rose 5%, compared with $2 million a year ago.", "1989-11-02", [("Third-quarter", "DATE", "1989-Q3"), ("a year ago", "DATE", "1988-Q3")]);
    t!(year_ago_without_quarters_is_a_year, "Output is up from a year ago, the mill said.", "1989-11-02", [("a year ago", "DATE", "1988")]);
    // The reported quarter a year back, said in one expression.
    t!(quarter_a_year_ago, "Net fell to $3 million from the quarter a year ago.", "1989-10-26", [("the quarter a year ago", "DATE", "1988-Q3")]);
    t!(corresponding_period_last_year, "Sales matched the corresponding period last year.", "1989-11-01", [("the corresponding period last year", "DATE", "1988-Q3")]);
    t!(last_years_quarter, "Exports for last year's quarter were $3 million.", "1989-11-01", [("last year's quarter", "DATE", "1988-Q3")]);
    // Times.
    t!(clock_24h, "The statement came at 15:00 local time.", "2022-08-15", [("15:00", "TIME", "2022-08-15T15:00")]);
    t!(clock_pm_zone, "The launch was detected at 3 p.m. KST on the coast.", "2022-08-15", [("3 p.m. KST", "TIME", "2022-08-15T15:00")]);
    t!(clock_with_weekday, "Polls close at 9 a.m. Tuesday.", "2000-04-03", [("9 a.m. Tuesday", "TIME", "2000-04-04T09:00")]);
    t!(clock_with_date, "Bids are due by 5 p.m. EST, Nov. 6, the company said.", "1989-10-30", [("5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00")]);
    t!(clock_zone_then_weekday, "The blast came at 9:40 a.m. (0640 GMT) Tuesday near the port.", "1998-08-20", [("9:40 a.m.", "TIME", "1998-08-18T09:40"), ("Tuesday", "DATE", "1998-08-18")]);
    t!(clock_in_the_morning, "The convoy will leave at 5 in the morning, the army said.", "2000-04-05", [("5 in the morning", "TIME", "2000-04-05T05:00")]);
    t!(clock_in_the_evening, "The polls close at 8 in the evening.", "2000-04-05", [("8 in the evening", "TIME", "2000-04-05T20:00")]);
    // A clock time alone is on the day the narrative is at; a year alone names no day.
    t!(clock_on_the_narrative_day, "On March 3, 1997, the ferry sank at 4 p.m. off the coast.", "1998-01-10", [("March 3, 1997", "DATE", "1997-03-03"), ("4 p.m.", "TIME", "1997-03-03T16:00")]);
    t!(clock_after_a_year_is_today, "The plant opened in 1994. The alarm sounded at 7 a.m. on the line.", "2000-02-01", [("1994", "DATE", "1994"), ("7 a.m.", "TIME", "2000-02-01T07:00")]);
    t!(in_the_morning, "Shares fell Monday. Traders sold heavily in the morning.", "1989-10-31", [("Monday", "DATE", "1989-10-30"), ("the morning", "TIME", "1989-10-30TMO")]);
    t!(in_the_morning_of_a_date, "In the morning of June 4 the troops moved.", "1989-06-10", [("June 4", "DATE", "1989-06-04")]);
    t!(noon_weekday, "Negotiations broke off at noon Thursday.", "1998-02-13", [("noon Thursday", "TIME", "1998-02-12T12:00")]);
    t!(for_a_while, "The town will be without power for a while.", "1998-01-11", [("a while", "DURATION", "PXX")]);
    t!(a_while_ago_is_no_length, "A while ago the town lost power.", "1998-01-11", []);
    t!(over_the_years, "Over the years the waiting list grew.", "1998-01-11", [("the years", "DURATION", "PXY")]);
    t!(a_later_date, "The bonds will be sold at a later date.", "1989-10-27", [("a later date", "DATE", "FUTURE_REF")]);
    t!(the_short_term, "Prices may fall in the short term, he said.", "1989-10-27", [("the short term", "DATE", "FUTURE_REF")]);
    t!(one_day_to_come, "The party will one day be the largest.", "1998-03-03", [("one day", "DATE", "FUTURE_REF")]);
    t!(one_day_length, "The strike lasted one day.", "1998-03-03", [("one day", "DURATION", "P1D")]);
    t!(high_noon_is_an_idiom, "For the party, high noon has come.", "1999-03-12", []);
    t!(midnight_alone, "The offer expires at midnight.", "1989-10-27", [("midnight", "TIME", "1989-10-27T24:00")]);
    t!(midday, "He was arrested at midday.", "1999-10-08", [("midday", "TIME", "1999-10-08T12:00")]);
    // False positives.
    t!(a_second, "A second letter followed the first.", "2022-08-15", []);
    t!(count_not_year, "The army sent 2000 troops to the border.", "2022-08-15", []);
    t!(plain_number, "Pyongyang conducted 18 rounds of tests.", "2022-08-15", []);
    t!(to_is_not_time, "He went to Seoul to meet them.", "2022-08-15", []);
}

#[test]
fn document_date_prefers_the_caller() {
    let text = "December 28, 2024\nThe leaders exchanged letters on Monday.";
    let seg = segment(text, None);
    let d = document_date(text, &seg, Some(date("2022-08-15")));
    assert_eq!(
        (d.date, d.source),
        (Some(date("2022-08-15")), DateSource::Caller)
    );
}

#[test]
fn document_date_from_a_byline_stamp() {
    let text = "Leaders Trade Letters\n15.08.22 15:00\nThe leaders exchanged letters, state media reported Monday.";
    let seg = segment(text, None);
    let d = document_date(text, &seg, None);
    assert_eq!(
        (d.date, d.source),
        (Some(date("2022-08-15")), DateSource::Byline)
    );
    assert_eq!(d.span.map(|s| s.slice(text)), Some("15.08.22"));
}

#[test]
fn document_date_from_a_page_date_line() {
    let text = "December 28, 2024\nThe leaders exchanged letters on Monday.";
    let seg = segment(text, None);
    let d = document_date(text, &seg, None);
    assert_eq!(
        (d.date, d.source),
        (Some(date("2024-12-28")), DateSource::PageDate)
    );
}

#[test]
fn document_date_from_a_dateline_takes_the_latest_year_mentioned() {
    let text = "Envoys Meet\n\nSEOUL, Aug. 15 (Agency) -- The envoys met on Monday.\n\nThe North has tested 18 missiles in 2022, up from 2021.";
    let seg = segment(text, None);
    let d = document_date(text, &seg, None);
    assert_eq!(
        (d.date, d.source),
        (Some(date("2022-08-15")), DateSource::Dateline)
    );
    assert_eq!(d.span.map(|s| s.slice(text)), Some("Aug. 15"));
}

#[test]
fn an_anniversary_sets_aside_a_page_stamp_it_contradicts() {
    let text = "December 28, 2024\nThe two leaders traded letters on Monday, the 77th anniversary of the peninsula's liberation on August 15, 1945, state media said.";
    let seg = segment(text, None);
    let d = document_date(text, &seg, None);
    assert_eq!(
        (d.date, d.source),
        (Some(date("2022-08-15")), DateSource::Anniversary)
    );
    assert_eq!(
        d.span.map(|s| s.slice(text)),
        Some("77th anniversary of the peninsula's liberation on August 15, 1945")
    );
    let conflict = d.conflict.expect("the stamp is contradicted");
    assert_eq!(
        (
            conflict.stamped,
            conflict.stamped_source,
            conflict.stamped_span.slice(text),
            conflict.years
        ),
        (
            date("2024-12-28"),
            DateSource::PageDate,
            "December 28, 2024",
            (2022, 2022)
        )
    );
}

#[test]
fn an_anniversary_of_an_era_leaves_the_date_unknown() {
    let text = "December 28, 2024\nThe letters, sent on Monday, celebrated the 77th anniversary of the country's liberation from occupation in World War II.";
    let seg = segment(text, None);
    let d = document_date(text, &seg, None);
    assert_eq!((d.date, d.source, d.span), (None, DateSource::None, None));
    let conflict = d.conflict.expect("the stamp is contradicted");
    assert_eq!(conflict.years, (2016, 2022));
    assert_eq!(
        conflict.evidence.slice(text),
        "77th anniversary of the country's liberation from occupation in World War II"
    );
}

#[test]
fn a_page_stamp_the_anniversary_agrees_with_or_that_history_explains_is_kept() {
    for text in [
        // The stamp is in the anniversary's year.
        "August 16, 2022\nCrowds marked the 77th anniversary of the liberation on August 15, 1945.",
        // The article names a later year: the anniversary is history.
        "December 28, 2024\nCrowds marked the 77th anniversary of the liberation on August 15, 1945.\nThe ties have grown since, and in 2024 the two signed a defense pact.",
        // Another year in the same sentence: the anniversary is told as history.
        "December 28, 2024\nIn 2020, the 75th anniversary of the liberation in 1945 passed quietly.",
    ] {
        let seg = segment(text, None);
        let d = document_date(text, &seg, None);
        assert_eq!(d.source, DateSource::PageDate, "{text}");
        assert_eq!(d.conflict, None, "{text}");
    }
    // The caller's date is the caller's to give.
    let text = "December 28, 2024\nCrowds marked the 77th anniversary of the liberation on August 15, 1945.";
    let seg = segment(text, None);
    let d = document_date(text, &seg, Some(date("2024-12-28")));
    assert_eq!((d.source, d.conflict), (DateSource::Caller, None));
}

#[test]
fn a_yearless_dateline_takes_the_anniversary_year_over_the_event_year() {
    let text = "Liberation Day\n\nSEOUL, Aug. 15 (Agency) -- Crowds marked the 77th anniversary of the liberation from Japanese rule in 1945.";
    let seg = segment(text, None);
    let d = document_date(text, &seg, None);
    assert_eq!(
        (d.date, d.source),
        (Some(date("2022-08-15")), DateSource::Dateline)
    );
}

#[test]
fn no_document_date_in_plain_prose() {
    let text = "The leaders exchanged letters.\nBoth praised the ties.";
    let seg = segment(text, None);
    assert_eq!(document_date(text, &seg, None).source, DateSource::None);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_sound(text in "(\\PC|[ \n.,:/-]|[0-9]{1,4}|Aug\\.|May|Monday|last|next|ago|years?|the|a\\.m\\.|p\\.m\\.|mid-){0,60}") {
        for anchor in [None, Some(date("2022-08-15")), Some(date("0001-01-01")), Some(date("9999-12-31"))] {
            let found = extract(&text, anchor);
            let mut previous_end = 0;
            for e in &found {
                proptest::prop_assert!(e.span.start >= previous_end && e.span.start < e.span.end && e.span.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                proptest::prop_assert!(!e.value.is_empty());
                previous_end = e.span.end;
            }
        }
    }
}

#[test]
fn parts_read_as_one_text_carry_the_narrative_but_skip_what_lies_between() {
    let text = "The armies met in August 1918 near the river. On 8 August 1918 they attacked.\n\n\
                Photo taken March 3, 2009.\n\n\
                On 26 September, the line broke. Four days later the general resigned.";
    let first = text.find("\n\n").expect("two breaks");
    let last = text.rfind("\n\n").expect("two breaks") + 2;
    let parts = [Span::new(0, first), Span::new(last, text.len())];
    let found: Vec<(String, String)> = extract_in(text, &parts, Some(date("2009-12-19")))
        .into_iter()
        .map(|e| (e.span.slice(text).to_owned(), e.value))
        .collect();
    let want: Vec<(String, String)> = [
        ("August 1918", "1918-08"),
        ("8 August 1918", "1918-08-08"),
        ("26 September", "1918-09-26"),
        ("Four days later", "1918-09-30"),
    ]
    .iter()
    .map(|&(a, b)| (a.to_owned(), b.to_owned()))
    .collect();
    assert_eq!(found, want);
    // Each part alone starts from the document date again.
    let alone = extract(&text[last..], Some(date("2009-12-19")));
    assert_eq!(alone[0].value, "2009-09-26");
}

#[test]
fn the_present_named_inside_a_narrative_does_not_end_it() {
    let text = "In August 1918 the army advanced. On 8 August 1918 it broke through, and its \
                general called this day a turning point. On 26 September, the line broke.";
    let found = found(text, "2009-12-19");
    let value = |span: &str| {
        found
            .iter()
            .find(|(s, _, _)| s == span)
            .map(|(_, _, v)| v.clone())
            .unwrap_or_else(|| panic!("no {span:?} in {found:?}"))
    };
    assert_eq!(value("26 September"), "1918-09-26");
    // "this day" is the day the narrative is at; "to this day" at a clause's end is the present.
    assert_eq!(value("this day"), "1918-08-08");
    for idiom in [
        "On 8 August 1918 it broke through. The scars remain to this day.",
        "On 8 August 1918 it broke through. He has to this day refused to talk.",
    ] {
        let idiom = self::found(idiom, "2009-12-19");
        assert_eq!(idiom[1].2, "2009-12-19", "{idiom:?}");
    }
}
