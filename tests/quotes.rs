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

/// The quotes Analyze finds in `text`.
fn quotes_of(text: &str) -> Vec<Quote> {
    Analyzer::new(Limits::default())
        .analyze(&Document::from_text(text))
        .unwrap()
        .quotes
}

/// The first of `quotes` (found in `text`) whose words hold `needle`.
fn holding<'a>(quotes: &'a [Quote], text: &str, needle: &str) -> &'a Quote {
    quotes
        .iter()
        .find(|q| q.span.slice(text).contains(needle))
        .unwrap_or_else(|| panic!("no quote holds {needle:?}: {quotes:#?}"))
}

/// The reported clause (indirect quote) of `text` holding `needle`.
fn clause_holding<'a>(quotes: &'a [Quote], text: &str, needle: &str) -> &'a Quote {
    quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect && q.span.slice(text).contains(needle))
        .unwrap_or_else(|| panic!("no reported clause holding {needle:?}: {quotes:#?}"))
}

fn quotes() -> Vec<Quote> {
    quotes_of(ARTICLE)
}

fn containing<'a>(quotes: &'a [Quote], needle: &str) -> &'a Quote {
    holding(quotes, ARTICLE, needle)
}

/// The words of `text` naming `q`'s speaker ("" without one).
fn speaker_words<'t>(q: &Quote, text: &'t str) -> &'t str {
    q.speaker.as_ref().map_or("", |s| s.span.slice(text))
}

/// The first reported (indirect) quote of `quotes`.
fn indirect(quotes: &[Quote]) -> &Quote {
    quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .unwrap_or_else(|| panic!("no indirect quote: {quotes:#?}"))
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
    assert_eq!(speaker_words(korotchenko, ARTICLE), "he");
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

#[test]
fn a_paragraph_left_open_takes_the_attribution_of_the_paragraph_that_closes_it() {
    let text = "Council vote

“The budget is balanced,” Mayor Lena Ortiz said on Tuesday.

“We cut what we could and kept the buses running for every student in the city.

“Nobody here will raise taxes this year,” said Governor Abel Stone, who joined her at City Hall.
";
    let quotes = quotes_of(text);
    let open = holding(&quotes, text, "kept the buses running");
    let closing = holding(&quotes, text, "Nobody here will raise taxes");
    assert_eq!(speaker(closing), Some("Abel Stone"), "{quotes:#?}");
    // One statement over two paragraphs: the open one is Stone's, not the mayor's before it,
    // and its cue is the tag that closes it.
    assert_eq!(speaker(open), Some("Abel Stone"), "{quotes:#?}");
    assert_eq!(open.cue, closing.cue);
    assert_eq!(open.cue.map(|c| c.slice(text)), Some("said"));
    let first = holding(&quotes, text, "The budget is balanced");
    assert_eq!(speaker(first), Some("Lena Ortiz"));
}

#[test]
fn a_tag_belongs_to_its_own_subject_and_bounds_the_next_attribution() {
    let text = "Budget talks

Mayor Lena Ortiz spoke after the vote. “We kept every bus running,” Ortiz, the city's first mayor to win three terms and the longest-serving member of the regional transit board since its founding in the spring of 1998, said when a reporter, Tom Hale, asked her about fares.

“The plan is fair,” Councilman Victor Reyes said, but despite the long debate, “the council will need another week,” said Ortiz.
";
    let quotes = quotes_of(text);
    // The subject before a long appositive speaks, not the name in the clause after the cue.
    let buses = holding(&quotes, text, "We kept every bus running");
    assert_eq!(speaker(buses), Some("Lena Ortiz"), "{quotes:#?}");
    assert_eq!(buses.kind, QuoteKind::Direct);
    // "“...,” Reyes said" is a quote and its tag: the later "said Ortiz" reports nothing
    // before it.
    let fair = holding(&quotes, text, "The plan is fair");
    assert_eq!(fair.kind, QuoteKind::Direct, "{quotes:#?}");
    assert_eq!(speaker(fair), Some("Victor Reyes"));
    let week = holding(&quotes, text, "another week");
    assert_eq!(speaker(week), Some("Lena Ortiz"));
    assert!(
        !week.span.slice(text).contains("The plan"),
        "{:?}",
        week.span.slice(text)
    );
}

#[test]
fn a_pull_quote_signed_with_a_dash_is_the_signer_s() {
    let text = "Voters on the debate

“He talked for ninety minutes and never once answered the question about jobs.” ― Dana Ruiz
“The most prepared candidate I have ever seen.” — Omar Haddad, a teacher in Phoenix

Photo: Getty.
";
    let quotes = quotes_of(text);
    let jobs = holding(&quotes, text, "ninety minutes");
    assert_eq!(speaker_words(jobs, text), "Dana Ruiz", "{quotes:#?}");
    assert_eq!(jobs.cue.map(|c| c.slice(text)), Some("―"));
    assert_eq!(jobs.kind, QuoteKind::Direct);
    // A short line is no headline when a signature closes it.
    let prepared = holding(&quotes, text, "most prepared candidate");
    assert_eq!(speaker_words(prepared, text), "Omar Haddad", "{quotes:#?}");
    assert_eq!(prepared.cue.map(|c| c.slice(text)), Some("—"));
}

/// Reported speech in the shapes PolNeAR annotates, on sentences written for this test.
const REPORTED: &str = "Campaign notes

Mayor Lena Ortiz said the budget was “balanced for the first time in a decade” and would pass.

The plan would cut bus fares for students, Ortiz said, a change that could cost millions.

The goal, she said, is to finish the tunnel before the election.

Governor Abel Stone mocked the plan, calling it “a fantasy,” and said voters would reject it.

''We will not raise taxes,'' said Ortiz, who spoke at City Hall. ''Not this year.''

A friend said the mayor rarely sleeps.

The council will debate the plan on “Meet the Voters,” the city's cable show.

She remarked, “The tunnel will open on time,” according to the city's newsletter.

“We will build it in four years,” the city's chief engineer, Mara Quint, said in an interview, as reported by a local blog.
";

fn reported() -> Vec<Quote> {
    quotes_of(REPORTED)
}

fn text_of(q: &Quote) -> &str {
    q.span.slice(REPORTED)
}

fn reported_containing<'a>(quotes: &'a [Quote], needle: &str) -> &'a Quote {
    holding(quotes, REPORTED, needle)
}

#[test]
fn reported_clauses_hold_their_partial_quotes() {
    let quotes = reported();
    // The clause is the content; the quote inside it is partial and shares its speaker.
    let clause = quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect && text_of(q).contains("balanced for"))
        .expect("the reported clause");
    assert_eq!(
        text_of(clause),
        "the budget was “balanced for the first time in a decade” and would pass"
    );
    assert_eq!(speaker(clause), Some("Lena Ortiz"));
    let inner = quotes
        .iter()
        .find(|q| text_of(q) == "balanced for the first time in a decade")
        .expect("the quote inside");
    assert_eq!(inner.kind, QuoteKind::Partial);
    assert_eq!(speaker(inner), Some("Lena Ortiz"));
}

#[test]
fn attributions_set_off_by_commas_and_conjoined_verbs() {
    let quotes = reported();
    // "CONTENT, Ortiz said, a change that ...": the content is what comes before.
    let fares = reported_containing(&quotes, "cut bus fares");
    assert_eq!(text_of(fares), "The plan would cut bus fares for students");
    assert_eq!(speaker(fares), Some("Lena Ortiz"));
    // "The goal, she said, is ...": few words before, so the whole sentence.
    let goal = reported_containing(&quotes, "finish the tunnel");
    assert!(text_of(goal).starts_with("The goal"), "{goal:?}");
    assert_eq!(speaker(goal), Some("Lena Ortiz"));
    // "Stone mocked the plan, calling it “a fantasy,” and said voters would reject it": both
    // are Stone's; "voters" opens the content and is no speaker.
    let reject = reported_containing(&quotes, "voters would reject it");
    assert_eq!(speaker(reject), Some("Abel Stone"));
    assert_eq!(reject.cue.unwrap().slice(REPORTED), "said");
    let fantasy = reported_containing(&quotes, "a fantasy");
    assert_eq!(speaker(fantasy), Some("Abel Stone"));
    // A subject naming no one still speaks.
    let friend = reported_containing(&quotes, "rarely sleeps");
    assert_eq!(speaker_words(friend, REPORTED), "A friend");
}

#[test]
fn a_quote_between_its_cue_and_its_channel_stays_direct() {
    let quotes = reported();
    // "She remarked, “...,” according to ...": no reported clause swallows the quote.
    let tunnel = reported_containing(&quotes, "The tunnel will open");
    assert_eq!(tunnel.kind, QuoteKind::Direct, "{quotes:#?}");
    assert_eq!(speaker(tunnel), Some("Lena Ortiz"));
    assert!(
        !quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Indirect && text_of(q).contains("tunnel will open")),
        "{quotes:#?}"
    );
    // "“...,” the chief engineer, Mara Quint, said in an interview, as reported by ...".
    let build = reported_containing(&quotes, "We will build it");
    assert_eq!(build.kind, QuoteKind::Direct);
    assert_eq!(speaker(build), Some("Mara Quint"));
    assert!(
        !quotes.iter().any(|q| text_of(q).contains("as reported by")),
        "{quotes:#?}"
    );
}

#[test]
fn two_apostrophes_quote_and_titles_are_nobody_s_words() {
    let quotes = reported();
    let taxes = reported_containing(&quotes, "We will not raise taxes");
    assert_eq!(text_of(taxes), "We will not raise taxes,");
    assert_eq!(taxes.kind, QuoteKind::Direct);
    assert_eq!(speaker(taxes), Some("Lena Ortiz"));
    let year = reported_containing(&quotes, "Not this year");
    assert_eq!(speaker(year), Some("Lena Ortiz"));
    // A show's name in quotation marks is no one's quote.
    let show = quotes
        .iter()
        .find(|q| text_of(q).starts_with("Meet the Voters"))
        .expect("the title");
    assert_eq!(show.kind, QuoteKind::Partial);
    assert!(show.speaker.is_none() && show.cue.is_none(), "{show:?}");
}

/// A poll story: shares of people as speakers, relative "who said", a passive that is no cue,
/// and verbs of knowing, fearing and wanting.
const POLL: &str = "Voters sour on the tunnel

Twenty-four percent said they would pay higher fares for it. More than six in 10 said the city should wait.

Among the voters who said they ride the bus daily, support was lower.

After being informed that he would be charged, police said, the contractor went to City Hall.

Mayor Lena Ortiz knows the plan has few friends. Her aides fear the council will reject it, and the treasurer declined to comment.

As for the tunnel, she said she is not worried about the vote. Other council members said they have not read the plan.

The bill was backed by Senator Ruth Dale of Ohio, the ranking member, who said none of the money would reach the city.

The mill is under intense pressure from Asian imports, said the company's chief executive, Paul Brandt.

Her spokesman called it a “dream” and said it was more popular than the polls suggest.

The treasurer called the audit a “witch hunt” because it began the week she declared. Dunn called her “a fine mayor” and left the hall.

Councilman Ray Dunn blasted the mayor for “hiding” the costs from voters.

The tunnel will lift the east side by creating an economy of “small shops and long hours,” Ray Dunn said Monday.

Dunn cautioned “let’s not get ahead of ourselves,” before predicting a long fight.
";

fn poll() -> Vec<Quote> {
    quotes_of(POLL)
}

fn poll_quote<'a>(quotes: &'a [Quote], needle: &str) -> &'a Quote {
    holding(quotes, POLL, needle)
}

fn spoken_by(q: &Quote) -> &str {
    speaker_words(q, POLL)
}

#[test]
fn shares_of_people_and_relative_pronouns_speak_in_polls() {
    let quotes = poll();
    let fares = poll_quote(&quotes, "they would pay higher fares");
    assert_eq!(fares.kind, QuoteKind::Indirect);
    assert_eq!(spoken_by(fares), "Twenty-four percent");
    assert_eq!(fares.cue.unwrap().slice(POLL), "said");
    let wait = poll_quote(&quotes, "the city should wait");
    assert_eq!(spoken_by(wait), "More than six in 10");
    let bus = poll_quote(&quotes, "they ride the bus daily");
    assert_eq!(spoken_by(bus), "the voters who");
}

#[test]
fn a_passive_is_no_cue_and_knowing_and_fearing_report() {
    let quotes = poll();
    // "would be charged" is said of the contractor, not by anyone; the police said it all.
    assert!(
        quotes
            .iter()
            .all(|q| q.cue.is_none_or(|c| c.slice(POLL) != "charged")),
        "{quotes:#?}"
    );
    let informed = poll_quote(&quotes, "After being informed");
    assert_eq!(spoken_by(informed), "police");
    let plan = poll_quote(&quotes, "the plan has few friends");
    assert_eq!(speaker(plan), Some("Lena Ortiz"));
    assert_eq!(plan.cue.unwrap().slice(POLL), "knows");
    let council = poll_quote(&quotes, "the council will reject it");
    assert_eq!(council.cue.unwrap().slice(POLL), "fear");
    assert_eq!(spoken_by(council), "Her aides");
}

#[test]
fn subjects_behind_openers_relatives_and_conjoined_verbs() {
    let quotes = poll();
    // A short opener before the subject is no content of a tail attribution.
    let vote = poll_quote(&quotes, "she is not worried about the vote");
    assert_eq!(speaker(vote), Some("Lena Ortiz"));
    let members = poll_quote(&quotes, "they have not read the plan");
    assert_eq!(spoken_by(members), "Other council members");
    // "..., the ranking member, who said": the person before the appositive.
    let money = poll_quote(&quotes, "none of the money would reach the city");
    assert_eq!(speaker(money), Some("Ruth Dale"));
    // "CONTENT, said X": the words before, not a place before the comma.
    let mill = poll_quote(&quotes, "The mill is under intense pressure");
    assert_eq!(
        mill.span.slice(POLL),
        "The mill is under intense pressure from Asian imports"
    );
    assert!(!spoken_by(mill).contains("Asian"), "{mill:?}");
    // "Her spokesman called it ... and said ...": the subject opening the sentence.
    let popular = poll_quote(&quotes, "it was more popular than the polls suggest");
    assert_eq!(spoken_by(popular), "Her spokesman");
}

#[test]
fn what_someone_called_something_runs_to_the_end_of_its_clause() {
    let quotes = poll();
    // "called X “NAME” because ...": what the clause says of the name is the speaker's too.
    let audit = poll_quote(&quotes, "the audit");
    assert_eq!(
        audit.span.slice(POLL),
        "the audit a “witch hunt” because it began the week she declared"
    );
    assert_eq!(spoken_by(audit), "The treasurer");
    // Not past a second verb of the writer's: "... and left the hall".
    let mayor = poll_quote(&quotes, "her “a fine mayor”");
    assert_eq!(mayor.span.slice(POLL), "her “a fine mayor”");
    assert_eq!(speaker(mayor), Some("Ray Dunn"));
    // What the clause says of the name ends at a comma: the rest is the writer's.
    let text = "Amid what the Harbor Ledger called a “bruising month” for Mayor Ines Calloway, and \
                with new polls showing her rival ahead, the council met on Friday.\n";
    let quotes = quotes_of(text);
    let month = clause_holding(&quotes, text, "bruising month");
    assert_eq!(
        month.span.slice(text),
        "a “bruising month” for Mayor Ines Calloway"
    );
    assert_eq!(speaker_words(month, text), "Harbor Ledger");
}

#[test]
fn encouraging_is_a_report_of_its_own_after_a_conjunction() {
    let text = "Transit fight

Governor Abel Stone tweeted that the fare plan was “a disaster” and encouraged voters to “call the mayor every day.”
";
    let quotes = quotes_of(text);
    let tweet = holding(&quotes, text, "the fare plan");
    assert_eq!(tweet.span.slice(text), "the fare plan was “a disaster”");
    let urged = holding(&quotes, text, "voters to");
    assert_eq!(
        urged.span.slice(text),
        "voters to “call the mayor every day.”"
    );
    assert_eq!(urged.cue.map(|c| c.slice(text)), Some("encouraged"));
    assert_eq!(speaker(urged), Some("Abel Stone"));
}

#[test]
fn a_gerund_after_by_reports_for_the_subject_of_its_clause() {
    let text = "Transit fight

Governor Abel Stone, a former engineer, went on local radio on Tuesday and began by saying he would “never” ride the new tunnel.
";
    let quotes = quotes_of(text);
    let never = indirect(&quotes);
    assert_eq!(
        never.span.slice(text),
        "he would “never” ride the new tunnel",
        "{quotes:#?}"
    );
    assert_eq!(speaker(never), Some("Abel Stone"));
    assert_eq!(never.cue.map(|c| c.slice(text)), Some("saying"));
}

#[test]
fn casting_an_object_as_a_quote_reports_no_further_than_the_quote() {
    let text = "Transit fight

Governor Abel Stone criticized the new fare plan as a “cash grab” during a stop in Dayton on Monday.

Mayor Lena Ortiz described the tunnel as “the best bargain in a generation” in her address.

Stone later called the mayor a “spender,” a “dreamer” and “unfit for office” at a rally.
";
    let quotes = quotes_of(text);
    let fare = holding(&quotes, text, "fare plan");
    assert_eq!(fare.kind, QuoteKind::Indirect, "{quotes:#?}");
    assert_eq!(fare.span.slice(text), "the new fare plan as a “cash grab”");
    assert_eq!(speaker(fare), Some("Abel Stone"));
    assert_eq!(fare.cue.map(|c| c.slice(text)), Some("criticized"));
    let tunnel = holding(&quotes, text, "the tunnel as");
    assert_eq!(
        tunnel.span.slice(text),
        "the tunnel as “the best bargain in a generation”"
    );
    assert_eq!(speaker(tunnel), Some("Lena Ortiz"));
    // A list of names is one report, through its last name.
    let names = holding(&quotes, text, "the mayor a");
    assert_eq!(
        names.span.slice(text),
        "the mayor a “spender,” a “dreamer” and “unfit for office”"
    );
    assert_eq!(speaker(names), Some("Abel Stone"));
}

#[test]
fn a_quote_closing_the_writer_s_clause_is_partial_in_that_clause() {
    let quotes = poll();
    let clause = poll_quote(&quotes, "The tunnel will lift the east side");
    assert_eq!(clause.kind, QuoteKind::Indirect);
    assert!(
        clause
            .span
            .slice(POLL)
            .ends_with("small shops and long hours,”"),
        "{:?}",
        clause.span.slice(POLL)
    );
    assert_eq!(speaker(clause), Some("Ray Dunn"));
    let shops = quotes
        .iter()
        .find(|q| q.span.slice(POLL).starts_with("small shops"))
        .expect("the quote");
    assert_eq!(shops.kind, QuoteKind::Partial);
    assert_eq!(speaker(shops), Some("Ray Dunn"));
}

#[test]
fn a_quote_right_after_its_cue_is_the_statement_not_the_clause_after_it() {
    let quotes = poll();
    let caution = poll_quote(&quotes, "let’s not get ahead of ourselves");
    assert_eq!(caution.kind, QuoteKind::Direct);
    assert_eq!(
        caution.span.slice(POLL),
        "let’s not get ahead of ourselves,"
    );
    assert_eq!(speaker(caution), Some("Ray Dunn"));
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(POLL).contains("before predicting")),
        "{quotes:#?}"
    );
}

#[test]
fn verbs_of_criticism_report_with_their_partial_quotes() {
    let quotes = poll();
    let clause = poll_quote(&quotes, "the mayor for");
    assert_eq!(clause.kind, QuoteKind::Indirect);
    assert_eq!(clause.cue.unwrap().slice(POLL), "blasted");
    assert_eq!(speaker(clause), Some("Ray Dunn"));
    let hiding = quotes
        .iter()
        .find(|q| q.span.slice(POLL) == "hiding")
        .expect("the partial quote");
    assert_eq!(hiding.kind, QuoteKind::Partial);
    assert_eq!(speaker(hiding), Some("Ray Dunn"));
}

const VISIT: &str = "A visit to Moscow

Vladimir Putin said he would answer the letter soon.

Kim Yo Jong met Putin in Moscow on Monday. “We will never forget this day,” she said.

Putin thanked Kim Yo Jong for the gift, a painting of Mount Paektu. “It is a great honor,” she said. “The painting will hang in the Kremlin,” he said.
";

#[test]
fn she_and_he_resolve_by_gender_and_salience_not_the_nearest_name() {
    let quotes = quotes_of(VISIT);
    // The subject of the sentence before, not the nearer Putin.
    let day = holding(&quotes, VISIT, "never forget");
    assert_eq!(speaker(day), Some("Kim Yo Jong"));
    assert_eq!(speaker_words(day, VISIT), "she");
    // Putin is a "he" in the article, so "she" is not Putin even right after him.
    let honor = holding(&quotes, VISIT, "great honor");
    assert_eq!(speaker(honor), Some("Kim Yo Jong"));
    let kremlin = holding(&quotes, VISIT, "Kremlin");
    assert_eq!(speaker(kremlin), Some("Vladimir Putin"));
}

const HEARING: &str = "A hearing on the tunnel

Gregory Walsh questioned Patricia Nguyen for two hours on Tuesday. “The numbers were never checked,” she said.
";

#[test]
fn a_given_name_tells_she_from_he_when_the_article_does_not() {
    // Nothing in the article says who is a woman: the Census lists say Patricia, not Gregory.
    let quotes = quotes_of(HEARING);
    let checked = holding(&quotes, HEARING, "never checked");
    assert_eq!(speaker(checked), Some("Patricia Nguyen"));
    assert_eq!(speaker_words(checked, HEARING), "she");
}

const RALLY: &str = "The mayor takes questions

“Is that all there is?” Ortiz asked. “We need a new plan!”

“Who will pay for it?” The question hung over the hall.

“The tunnel will be finished by spring.” Ortiz said.

“The money is there.” Dunn said the fund was short.

In a letter last week, Dunn wrote about the vote on the tunnel and its cost to the harbor:

“The tunnel is the first priority of this city.”

“Vote for the tunnel,” the flyer read.

The treasurer said the budget was “broken,” noting that the city had borrowed twice.

Dunn said on Channel 4’s “Morning Desk” that he would “take a look” at the plan.

“Nothing you can do, folks,” Ortiz told a rally, saying the council would “sink the city.”

Where would the tunnel end? “Harbor Street,” Dunn answered.

As the treasurer put it, “We can build it, or we can pay for it, but not both.”

The mayor of Springfield said the tunnel was “a bargain” for the city.

He put it on the agenda. The report was blunt. From the report: “The estimates were never checked by anyone.”
";

fn rally_quote<'a>(quotes: &'a [Quote], needle: &str) -> &'a Quote {
    holding(quotes, RALLY, needle)
}

#[test]
fn a_question_keeps_the_attribution_the_splitter_cut_off() {
    let quotes = quotes_of(RALLY);
    let question = rally_quote(&quotes, "Is that all");
    assert_eq!(speaker(question), Some("Ortiz"));
    assert_eq!(question.cue.unwrap().slice(RALLY), "asked");
    assert_eq!(speaker(rally_quote(&quotes, "new plan")), Some("Ortiz"));
    // A new sentence without a cue attributes nothing.
    let open = rally_quote(&quotes, "Who will pay");
    assert!(open.cue.is_none(), "{open:#?}");
    // A full stop where the comma goes: the short sentence after it is the tag.
    let spring = rally_quote(&quotes, "finished by spring");
    assert_eq!(speaker(spring), Some("Ortiz"));
    assert_eq!(spring.cue.unwrap().slice(RALLY), "said");
    // A sentence of its own that reports something else is no tag.
    let money = rally_quote(&quotes, "The money is there");
    assert!(money.cue.is_none(), "{money:#?}");
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_quote_after_it() {
    let quotes = quotes_of(RALLY);
    // The cue is followed by what the words are about, not by a clause of its own.
    let priority = rally_quote(&quotes, "first priority");
    assert_eq!(speaker(priority), Some("Dunn"));
    assert_eq!(priority.cue.unwrap().slice(RALLY), "wrote");
    // What the letter was about is no reported speech of its own.
    assert!(
        !quotes
            .iter()
            .any(|q| q.span.slice(RALLY).starts_with("about the vote")),
        "{quotes:#?}"
    );
}

#[test]
fn a_text_reads_its_words() {
    let quotes = quotes_of(RALLY);
    let flyer = rally_quote(&quotes, "Vote for the tunnel");
    assert_eq!(flyer.cue.unwrap().slice(RALLY), "read");
    assert_eq!(speaker_words(flyer, RALLY), "the flyer");
}

#[test]
fn a_participle_after_a_comma_opens_a_clause_of_its_own() {
    let quotes = quotes_of(RALLY);
    let broken = rally_quote(&quotes, "the budget was");
    assert_eq!(broken.span.slice(RALLY), "the budget was “broken,”");
    let borrowed = rally_quote(&quotes, "had borrowed");
    assert_eq!(borrowed.kind, QuoteKind::Indirect);
    assert_eq!(borrowed.cue.unwrap().slice(RALLY), "noting");
    // "told a rally, saying ...": the participle reports forward, with the subject before it.
    let sink = rally_quote(&quotes, "the council would");
    assert_eq!(sink.span.slice(RALLY), "the council would “sink the city.”");
    assert_eq!(sink.kind, QuoteKind::Indirect);
    assert_eq!(speaker(sink), Some("Ortiz"));
}

#[test]
fn a_place_tied_to_a_noun_by_a_preposition_does_not_speak() {
    let quotes = quotes_of(RALLY);
    let bargain = rally_quote(&quotes, "the tunnel was");
    assert_eq!(speaker_words(bargain, RALLY), "The mayor");
}

#[test]
fn a_capitalized_answer_with_a_speaker_is_no_title() {
    let quotes = quotes_of(RALLY);
    let answer = rally_quote(&quotes, "Harbor Street");
    assert_eq!(speaker(answer), Some("Dunn"));
    assert_eq!(answer.cue.unwrap().slice(RALLY), "answered");
}

#[test]
fn as_someone_put_it_and_a_source_before_a_colon_speak() {
    let quotes = quotes_of(RALLY);
    let both = rally_quote(&quotes, "not both");
    assert_eq!(both.cue.unwrap().slice(RALLY), "put");
    assert_eq!(speaker_words(both, RALLY), "the treasurer");
    // "put it on the agenda" reports nothing.
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(RALLY).contains("on the agenda")),
        "{quotes:#?}"
    );
    let report = rally_quote(&quotes, "never checked");
    assert_eq!(report.kind, QuoteKind::Direct);
    assert_eq!(speaker_words(report, RALLY), "the report");
}

#[test]
fn that_follows_an_adjunct_holding_a_quoted_title() {
    let quotes = quotes_of(RALLY);
    let look = rally_quote(&quotes, "he would");
    assert_eq!(look.span.slice(RALLY), "he would “take a look” at the plan");
    assert_eq!(speaker(look), Some("Dunn"));
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

/// Words the attribution rules key on, for random sentences that reach those rules (random
/// letters rarely spell "said").
const ATTRIBUTION_WORDS: &str = "Mom|Kim|Lund|he|she|the|envoy|said|says|responded|told|saying|\
    adding|quoting|according|to|that|and|but|on|Monday|,|,|.|:|—|(|)|“|”|\"|'|‘|’|''|«|»|\n\n|\0";

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    #[test]
    fn random_attributions_never_panic_and_spans_are_in_bounds(
        words in proptest::collection::vec(
            proptest::sample::select(ATTRIBUTION_WORDS.split('|').collect::<Vec<_>>()),
            1..60,
        ),
        glue in proptest::sample::select(&[" ", ""][..]),
    ) {
        let text = words.join(glue);
        if let Ok(analysis) = Analyzer::new(Limits::default()).analyze(&Document::from_text(text.as_str())) {
            for q in &analysis.quotes {
                let spans = std::iter::once(q.span)
                    .chain(q.cue)
                    .chain(q.speaker.iter().chain(&q.cited_source).chain(&q.co_speakers).map(|s| s.span));
                for span in spans {
                    proptest::prop_assert!(span.start < span.end && span.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
            }
        }
    }
}

#[test]
fn an_earlier_clause_reaching_past_an_attribution_is_no_panic() {
    // Found by `cargo fuzz` (minimized): a clause reported for "responded" already ran past the
    // comma before "saying", so the words before that comma were a negative count.
    let text = "‘Mom responded,Nra saying,\0.";
    let analysis = Analyzer::new(Limits::default())
        .analyze(&Document::from_text(text))
        .expect("analyzed");
    assert!(analysis.quotes.iter().all(|q| q.span.end <= text.len()));
}

#[test]
fn a_trailing_attribution_closes_the_reported_clause_and_passive_agents_are_no_content() {
    let text = "SEOUL -- The premier told the visiting envoy that the two governments would \
                \"keep widening\" their trade, the country's official Eastern Wire news agency \
                reported Tuesday.\n\nThe exchange was first reported by the provincial \
                broadcaster in the port city.\n\nThe envoy closed by expressing the hope that \
                the new ferry line would open before winter.\n";
    let quotes = quotes_of(text);
    let clause = quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect && q.span.slice(text).contains("keep widening"))
        .unwrap_or_else(|| panic!("{quotes:#?}"));
    assert_eq!(
        clause.span.slice(text),
        "the two governments would \"keep widening\" their trade"
    );
    assert_eq!(
        clause.cited_source.as_ref().map(|s| s.span.slice(text)),
        Some("Eastern Wire")
    );
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(text).starts_with("by ")),
        "{quotes:#?}"
    );
    // "closed by expressing the hope that ...": the gerund reports the clause.
    let hope = quotes
        .iter()
        .find(|q| q.span.slice(text).contains("ferry"))
        .unwrap_or_else(|| panic!("{quotes:#?}"));
    assert_eq!(
        hope.span.slice(text),
        "the new ferry line would open before winter"
    );
}

#[test]
fn an_institution_s_relative_clause_names_it_as_speaker() {
    let text = "The warning came from the coastal guard service, which said that the storm \
                would reach the islands by Friday.\n";
    let quotes = quotes_of(text);
    let q = quotes
        .iter()
        .find(|q| q.span.slice(text).contains("storm"))
        .unwrap_or_else(|| panic!("{quotes:#?}"));
    assert_eq!(
        q.span.slice(text),
        "the storm would reach the islands by Friday"
    );
    assert_eq!(speaker_words(q, text), "the coastal guard service");
}

#[test]
fn a_block_quote_takes_the_attribution_ending_the_paragraph_before() {
    let text = "The mayor defended the budget at length on Tuesday. She said:\n\n\"Every \
                district will see its libraries open on Sundays again, and not one branch will \
                close this year.\"\n\nThe council votes next week.\n";
    let quotes = quotes_of(text);
    let q = holding(&quotes, text, "libraries");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker_words(q, text), "She");
    assert_eq!(q.cue.map(|c| c.slice(text)), Some("said"));
    // A paragraph ending in a colon with no one speaking introduces nothing.
    let text = "The plan has three parts:\n\n\"Every district will see its libraries open on \
                Sundays again,\" the mayor said.\n";
    let quotes = quotes_of(text);
    assert_eq!(
        speaker_words(holding(&quotes, text, "libraries"), text),
        "the mayor"
    );
}

#[test]
fn what_follows_an_attribution_tells_a_trailing_one_from_a_reporting_one() {
    // An appositive after an inverted attribution: the content is what came before.
    let text = "Travel by rail across the region was \"faster than ever,\" said Lena Ortiz, a \
                transport economist at the university in the capital city of the province.\n";
    let quotes = quotes_of(text);
    let q = indirect(&quotes);
    assert_eq!(
        q.span.slice(text),
        "Travel by rail across the region was \"faster than ever,\""
    );
    // A clause after the cue is what it reports, even after a quote and a comma before the
    // subject.
    let text = "Walking into the hall to chants of \"Ortiz! Ortiz!,\" the senator said her \
                campaign was \"closing strong.\"\n";
    let quotes = quotes_of(text);
    let q = quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect && q.span.slice(text).contains("campaign"))
        .unwrap_or_else(|| panic!("{quotes:#?}"));
    assert_eq!(q.span.slice(text), "her campaign was \"closing strong.\"");
    // A name set off before the attribution is the subject of the statement around it.
    let text = "Governor Tom Walsh, Ortiz said, had spent \"twenty long years\" in the \
                legislature.\n";
    let quotes = quotes_of(text);
    let q = indirect(&quotes);
    assert!(
        q.span.slice(text).starts_with("Governor Tom Walsh")
            && q.span.slice(text).contains("legislature"),
        "{quotes:#?}"
    );
}

#[test]
fn an_appositive_to_the_whole_statement_is_the_writer_s_aside() {
    let text = "The mayor said the vote had been \"rigged\" against her, a charge that the \
                county board denied.\n";
    let quotes = quotes_of(text);
    let q = indirect(&quotes);
    assert_eq!(
        q.span.slice(text),
        "the vote had been \"rigged\" against her"
    );
}

#[test]
fn a_title_after_the_cue_is_not_the_speaker_the_name_after_it_is() {
    let text = "\"The vote was a disgrace,\" said Rep. Elwin Tarrow of Ohio, who chairs the \
                panel.\n";
    let quotes = quotes_of(text);
    let q = holding(&quotes, text, "disgrace");
    let words = speaker_words(q, text);
    assert!(words.contains("Tarrow"), "{q:#?}");
    assert!(!words.starts_with("Rep"), "{q:#?}");
}

#[test]
fn a_bracketed_party_and_state_after_the_name_is_not_the_speaker() {
    for text in [
        "\"Subpoenas are not optional,\" panel chairman Jason Merrow (R-Utah) said on Monday.\n",
        "After the vote in Ohio, Gov. Dale Hensley (R-OH), said, \"We will go all the way to \
         the convention.\"\n",
    ] {
        let quotes = quotes_of(text);
        let q = quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Direct)
            .unwrap_or_else(|| panic!("{quotes:#?}"));
        let words = speaker_words(q, text);
        assert!(
            words.contains("Merrow") || words.contains("Hensley"),
            "{text}: {q:#?}"
        );
    }
}

const DIALOGUE: &str = "The tunnel vote

The council met on Tuesday night. Officials in Moscow, Idaho, watched the vote.

“Why would you want to delay it again?” asked Nora Dunn, now a partner at a law firm.

“The city will always be the city,” an angry Carl Hensel retaliated. “It never gives up.”

Ivan Petrov, the director of the state party, said in a statement. “There are no paper ballots to recount. The vote cannot be held again.”

The treasurer erred, Petrov has said. Said Petrov, “The thought that our error cost them the vote is painful to us.”

Mara Quint said that the tunnel would not be delayed.

“That is because this city has waited long enough for it.”
";

fn dialogue_quote<'a>(quotes: &'a [Quote], needle: &str) -> &'a Quote {
    holding(quotes, DIALOGUE, needle)
}

#[test]
fn a_speaker_and_any_past_tense_verb_after_a_quote_attribute_it() {
    let quotes = quotes_of(DIALOGUE);
    // "“...?” asked Nora Dunn, now ...": the verb first, an appositive after the name.
    let delay = dialogue_quote(&quotes, "delay it again");
    assert_eq!(speaker(delay), Some("Nora Dunn"));
    assert_eq!(delay.cue.unwrap().slice(DIALOGUE), "asked");
    // "“...,” an angry Carl Hensel retaliated": a verb no lexicon lists; the next quote of the
    // paragraph is his too.
    let city = dialogue_quote(&quotes, "always be the city");
    assert_eq!(speaker(city), Some("Carl Hensel"));
    assert_eq!(city.cue.unwrap().slice(DIALOGUE), "retaliated");
    assert_eq!(
        speaker(dialogue_quote(&quotes, "It never gives up")),
        Some("Carl Hensel")
    );
}

#[test]
fn an_attribution_closing_the_sentence_before_introduces_the_quote() {
    let quotes = quotes_of(DIALOGUE);
    // "X said in a statement. “...”"
    let ballots = dialogue_quote(&quotes, "no paper ballots");
    assert_eq!(speaker(ballots), Some("Ivan Petrov"));
    assert_eq!(ballots.cue.unwrap().slice(DIALOGUE), "said");
    // "Said Petrov, “...”"
    let painful = dialogue_quote(&quotes, "is painful to us");
    assert_eq!(speaker(painful), Some("Ivan Petrov"));
    assert_eq!(painful.cue.unwrap().slice(DIALOGUE), "Said");
    // A paragraph that closes on a reported clause hands its speaker to a quote opening the
    // next one.
    let waited = dialogue_quote(&quotes, "waited long enough");
    assert_eq!(waited.kind, QuoteKind::Direct);
    assert_eq!(speaker(waited), Some("Mara Quint"));
    assert!(waited.cue.is_none(), "{waited:?}");
    // Nobody speaks the writer's own sentences.
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(DIALOGUE).contains("watched the vote")),
        "{quotes:#?}"
    );
}

const INTROS: &str = "The tunnel bill

Rep. Lena Moss (D-Ore.), who wrote the tunnel bill, said in a statement that the vote was “a first step toward a city that works.”

Minutes later, Moss sent an email saying, “done.”

“Go back to your seat,” Carl Hensel barked and a guard led the man out.

Then Hensel leaned in and boomed: “We will build it in November, whatever they say.”

Mara Quint went on to call Hensel “the worst treasurer this state has ever had.”

The hall went quiet. Quint interjected, “Ladies and gentlemen, the treasurer of the year.”

As Archbishop Aris Shirvanian told the Associated Press (AP), “We have suffered the same fate, and nobody remembers it now.”

The board made a “mistake” in its check of the tunnel contractor, Quint has said.

Hensel did not say who the “hostile forces” are, but the ministry often uses the term to describe its neighbors.
";

#[test]
fn verbs_of_any_kind_introduce_quotes_and_relative_clauses_end_at_the_attribution() {
    let quotes = quotes_of(INTROS);
    // "X (D-Ore.), who wrote ..., said in a statement that ...": the subject past its bracket
    // and relative clause; "wrote" in the relative clause reports nothing.
    let vote = holding(&quotes, INTROS, "the vote was");
    assert_eq!(vote.kind, QuoteKind::Indirect);
    assert_eq!(speaker(vote), Some("Lena Moss"));
    assert_eq!(vote.cue.unwrap().slice(INTROS), "said");
    assert!(
        vote.span.slice(INTROS).starts_with("the vote was"),
        "{vote:?}"
    );
    // An opener before the subject does not make the sentence a statement interrupted by its
    // attribution.
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(INTROS).contains("Minutes later")),
        "{quotes:#?}"
    );
    assert_eq!(speaker(holding(&quotes, INTROS, "done")), Some("Lena Moss"));
    // A dialogue tag followed by another clause; a past-tense verb before a colon.
    let seat = holding(&quotes, INTROS, "Go back to your seat");
    assert_eq!(speaker(seat), Some("Carl Hensel"));
    assert_eq!(seat.cue.unwrap().slice(INTROS), "barked");
    let november = holding(&quotes, INTROS, "build it in November");
    assert_eq!(speaker(november), Some("Carl Hensel"));
    assert_eq!(november.cue.unwrap().slice(INTROS), "boomed");
    // A base form after "to" is a verb.
    // "call X “...”" names X, as "called X “...”" does: a partial quote in the writer's clause.
    let naming = holding(&quotes, INTROS, "the worst treasurer");
    assert_eq!(naming.kind, QuoteKind::Indirect, "{naming:#?}");
    assert_eq!(
        naming.span.slice(INTROS),
        "Hensel “the worst treasurer this state has ever had.”"
    );
    let worst = quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Partial && q.span.slice(INTROS).contains("the worst"))
        .expect("the partial quote in the naming clause");
    assert_eq!(speaker(worst), Some("Mara Quint"));
    assert_eq!(worst.cue.unwrap().slice(INTROS), "call");
    // ... and a past-tense verb before a comma and the quote.
    let year = holding(&quotes, INTROS, "treasurer of the year");
    assert_eq!(speaker(year), Some("Mara Quint"));
    assert_eq!(year.cue.unwrap().slice(INTROS), "interjected");
    // The listener, its article and an aside in brackets are not the content.
    let fate = holding(&quotes, INTROS, "the same fate");
    assert_eq!(fate.kind, QuoteKind::Direct);
    assert_eq!(speaker(fate), Some("Aris Shirvanian"));
    assert_eq!(fate.cue.unwrap().slice(INTROS), "told");
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(INTROS).contains("Associated Press")),
        "{quotes:#?}"
    );
    // What follows a partial quote not closing on a comma is still the statement.
    let mistake = holding(&quotes, INTROS, "The board made");
    assert_eq!(mistake.kind, QuoteKind::Indirect);
    assert_eq!(
        mistake.span.slice(INTROS),
        "The board made a “mistake” in its check of the tunnel contractor"
    );
    assert_eq!(speaker(mistake), Some("Mara Quint"));
    // An infinitive after a noun says what the noun is for; nobody speaks through it.
    for q in quotes
        .iter()
        .filter(|q| q.span.slice(INTROS).contains("hostile forces"))
    {
        assert!(q.cue.is_none_or(|c| c.slice(INTROS) != "describe"), "{q:?}");
        assert_ne!(speaker(q), Some("the term"), "{q:?}");
    }
}

/// A scraped page's tags are not prose: quotation marks around attribute values are not quotes,
/// a `datetime` attribute is not a date and an `author` handle is not a mention, while the words a
/// tag encloses are still read, at the caller's offsets.
#[test]
fn markup_left_by_a_scraper_is_not_read() {
    let text = "Kim Yo Jong praised the letter on Monday.

<tweet id=\"1558291746\" author=\"@StateMediaWatch\" datetime=\"2022-08-01\">KCNA runs the letter in full. — Media Watch</tweet>.

“We will meet again,” Putin wrote, in a <a href=\"https://example.org/letter\" title=\"“full text”\">message</a> to Kim.
";
    let analysis = Analyzer::new(Limits::default())
        .analyze(&Document::from_text(text))
        .unwrap();
    let quoted: Vec<&Quote> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    let words: Vec<&str> = quoted.iter().map(|q| q.span.slice(text)).collect();
    assert_eq!(words, ["We will meet again,"], "{:#?}", analysis.quotes);
    assert_eq!(speaker(quoted[0]), Some("Putin"));
    let dates: Vec<&str> = analysis.dates.iter().map(|d| d.span.slice(text)).collect();
    assert_eq!(dates, ["Monday"], "{:#?}", analysis.dates);
    let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"KCNA"),
        "the tweet's own words are read: {names:?}"
    );
    assert!(
        names
            .iter()
            .all(|n| !n.contains("StateMediaWatch") && !n.contains("example")),
        "{names:?}"
    );
}

/// A show or book named after its owner ("MSNBC’s “Morning Joe,”", "NBC’s “Today”") or after
/// "on" is a title, even with a speaker right after it; a one-word quote after a possessive that
/// is not capitalized stays the owner's words.
#[test]
fn titles_after_an_owner_or_on_are_nobody_s_words() {
    let text =
        "Senator Ana Ruiz went on KBS’s “Morning Line,” where she said the talks had stalled.

On “Face the Nation,” co-host Dan Mills asked Ruiz about the letter.

She visited NBC’s “Today” to discuss the summit. Ruiz called Kim’s “tremendous” letter a trick.
";
    let quotes = quotes_of(text);
    for title in ["Morning Line,", "Face the Nation,", "Today"] {
        let q = quotes
            .iter()
            .find(|q| q.span.slice(text) == title)
            .unwrap_or_else(|| panic!("{title:?} not found: {quotes:#?}"));
        assert!(q.speaker.is_none() && q.cue.is_none(), "{title}: {q:#?}");
    }
    let tremendous = holding(&quotes, text, "tremendous");
    assert!(tremendous.speaker.is_some(), "{tremendous:#?}");
}

/// A short quote that is a sentence of its own, closed by its dialogue tag, is a statement: the
/// quote after the tag in the same paragraph goes on with the same speaker.
#[test]
fn a_short_statement_hands_its_speaker_to_the_next_quote() {
    let text = "Ruiz met the envoy on Monday.

“It’s doable,” Senator Ana Ruiz told the Daily Star. “Is it going to happen? Nobody can say that yet.”
";
    let quotes = quotes_of(text);
    let doable = holding(&quotes, text, "doable");
    assert_eq!(doable.kind, QuoteKind::Direct, "{doable:#?}");
    assert_eq!(speaker(doable), Some("Ana Ruiz"));
    let next = holding(&quotes, text, "Nobody can say");
    assert_eq!(speaker(next), Some("Ana Ruiz"), "{next:#?}");
}

/// A noun for something said, given by the verb's subject, introduces a quote after a colon.
#[test]
fn a_retort_or_a_message_before_a_colon_introduces_a_quote() {
    let text = "Senator Ana Ruiz delivered a sharp retort: “No one is tearing this treaty up.”

Kim Yo Jong had a blunt message for Seoul: “Do not expect any answer from us.”

The envoy went to the border: “This is where it ends.”
";
    let quotes = quotes_of(text);
    let retort = holding(&quotes, text, "tearing");
    assert_eq!(speaker(retort), Some("Ana Ruiz"));
    assert_eq!(retort.cue.unwrap().slice(text), "retort");
    let message = holding(&quotes, text, "Do not expect");
    assert_eq!(speaker(message), Some("Kim Yo Jong"));
    assert_eq!(message.cue.unwrap().slice(text), "message");
    // A place before the colon is not something said.
    let ends = holding(&quotes, text, "where it ends");
    assert!(
        ends.cue.is_none_or(|c| c.slice(text) != "border"),
        "{ends:#?}"
    );
}

/// After the cue, the speaker is the person named past a title and the place or body it
/// belongs to, not the place.
#[test]
fn a_speaker_after_the_cue_is_found_past_a_title_and_its_place() {
    let text = "“The talks are reprising an old role,” said former Gyeonggi Gov. Lee Min-ho.

“We will win,” said Ohio Gov. Dana Carr.

“It is a start,” said former Gov. and National Unity Party Chairman Sam Ortega.
";
    let quotes = quotes_of(text);
    for (needle, who) in [
        ("old role", "Lee Min-ho"),
        ("We will win", "Dana Carr"),
        ("It is a start", "Sam Ortega"),
    ] {
        let q = holding(&quotes, text, needle);
        assert_eq!(speaker(q), Some(who), "{q:#?}");
        assert_eq!(q.cue.unwrap().slice(text), "said");
    }
}

/// The first reported (indirect) quote of `quotes` (found in `text`) whose words hold `needle`.
fn reported_holding<'a>(quotes: &'a [Quote], text: &str, needle: &str) -> &'a Quote {
    quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect && q.span.slice(text).contains(needle))
        .unwrap_or_else(|| panic!("no reported clause holds {needle:?}: {quotes:#?}"))
}

#[test]
fn a_clause_with_a_quote_inside_is_reported_whole_and_inverted_speakers_are_found() {
    let text = "Mayor Ines Duval spoke at the harbour. Senator Pia Lund spoke later.

The port’s “reckless” dredging is ruining the bay, Duval said Tuesday in Brest.

That would mean a “winter of delays” for the ferries, forcing them to wait for Lund and Duval, said Oskar Brandt, a shipping analyst.

Senator Pia Lund (D-Maine) last week said Duval was not the author of any “secret” memo.

Rep. Tom Asher, R-Ohio, said Lund failed to read the report.

Duval said the ferry plan was “absolutely” the best use of the harbour, where she grew up.
";
    let quotes = quotes_of(text);
    let clause = |needle: &str| reported_holding(&quotes, text, needle);
    // A quote in the middle of the writer's clause: the clause is the content, the quote a
    // part of it.
    let bay = clause("ruining the bay");
    assert_eq!(
        bay.span.slice(text),
        "The port’s “reckless” dredging is ruining the bay"
    );
    assert_eq!(speaker(bay), Some("Ines Duval"));
    let reckless = quotes
        .iter()
        .find(|q| q.span.slice(text) == "reckless")
        .expect("the quote inside");
    assert_eq!(reckless.kind, QuoteKind::Partial);
    assert_eq!(speaker(reckless), Some("Ines Duval"));
    // "..., said Oskar Brandt, a shipping analyst": the name after the cue speaks, not the
    // last one before the comma.
    let winter = clause("winter of delays");
    assert!(winter.span.slice(text).starts_with("That would mean"));
    assert_eq!(speaker(winter), Some("Oskar Brandt"));
    // A time between the subject and the cue; the name after "said" opens the content.
    let memo = clause("secret");
    assert_eq!(speaker(memo), Some("Pia Lund"));
    assert!(memo.span.slice(text).starts_with("Duval was not"));
    // "..., R-Ohio, said Lund failed ...": Lund is what is said, not who says it.
    let report = clause("failed to read");
    assert_eq!(speaker(report), Some("Tom Asher"));
    // ", where ..." is the writer's word on the place, not the speaker's.
    assert_eq!(
        clause("ferry plan").span.slice(text),
        "the ferry plan was “absolutely” the best use of the harbour"
    );
}

#[test]
fn a_clause_ends_with_the_quote_it_opens_and_a_subject_is_found_past_dashes() {
    let text = "Councillor Rosa Imbert argued that the mayor has “a long way to go” on housing because “the money is not there. He knows it, right?”

Tomas Weil — a baker from the old town — says he voted for Imbert, and that her speech was “a turning point.”
";
    let quotes = quotes_of(text);
    let clause = |needle: &str| reported_holding(&quotes, text, needle);
    // The second quote opens inside the clause and runs on past its sentence: the clause
    // reports all of it, and both quotes are parts of it.
    let housing = clause("long way to go");
    assert!(
        housing.span.slice(text).ends_with("He knows it, right?”"),
        "{housing:#?}"
    );
    assert_eq!(speaker(housing), Some("Rosa Imbert"));
    let money = holding(&quotes, text, "He knows it");
    assert_eq!(speaker(money), Some("Rosa Imbert"));
    // "X — an appositive — says": the subject stands before the dashes.
    let vote = clause("voted for Imbert");
    assert_eq!(speaker(vote), Some("Tomas Weil"));
    assert!(vote.span.slice(text).ends_with("a turning point.”"));
}

#[test]
fn a_report_ends_before_a_later_report_and_with_its_subordinate_clause() {
    let text = "Mayor Ines Duval spoke on Monday. Senator Pia Lund spoke too.

Duval told the Harbour Gazette she was “not quite ready” to back the plan.

Lund said the port’s budget has “kept the city afloat” on the radio before claiming that the ferries lose money.

When she says she wants to “fix the docks” within a year, Lund means the old docks.
";
    let quotes = quotes_of(text);
    let clause = |needle: &str| reported_holding(&quotes, text, needle);
    // The listener is skipped; the pronoun after it opens the content.
    let ready = clause("not quite ready");
    assert_eq!(
        ready.span.slice(text),
        "she was “not quite ready” to back the plan"
    );
    assert_eq!(speaker(ready), Some("Ines Duval"));
    // "... before claiming that ...": the first report ends where the second begins.
    let afloat = clause("kept the city afloat");
    assert_eq!(
        afloat.span.slice(text),
        "the port’s budget has “kept the city afloat” on the radio"
    );
    // A report inside "When ...," ends with that clause.
    let docks = clause("fix the docks");
    assert_eq!(
        docks.span.slice(text),
        "she wants to “fix the docks” within a year"
    );
}

#[test]
fn an_attribution_inside_the_sentence_reports_all_of_it_and_lends_its_speaker_to_adding() {
    let text = "Mayor Ines Duval spoke on Monday. Senator Pia Lund spoke too.

If the council delays the vote again, Duval said, the ferries will stop running in March.

Rebuilding the old docks this winter, Lund said, “is the cheapest way to keep the port open.”

Less than an hour after the vote, Lund wrote, “We have been heard.”

Lund and the council will meet next week, Duval said, adding, “They need to talk.”
";
    let quotes = quotes_of(text);
    // The sentence goes on after the attribution: the content is all of it.
    let delays = reported_holding(&quotes, text, "council delays the vote");
    assert!(
        delays
            .span
            .slice(text)
            .ends_with("will stop running in March")
    );
    assert_eq!(speaker(delays), Some("Ines Duval"));
    let docks = reported_holding(&quotes, text, "old docks this winter");
    assert!(docks.span.slice(text).contains("cheapest way"));
    assert_eq!(speaker(docks), Some("Pia Lund"));
    // A fresh quoted sentence after the attribution is a statement of its own.
    let heard = holding(&quotes, text, "We have been heard.");
    assert_eq!(heard.kind, QuoteKind::Direct);
    assert_eq!(speaker(heard), Some("Pia Lund"));
    assert!(
        quotes
            .iter()
            .all(|q| !(q.span.slice(text).contains("after the vote")
                && q.span.slice(text).contains("heard"))),
        "{quotes:#?}"
    );
    // "Lund ..., Duval said, adding, “...”": the participle is Duval’s, not the clause’s
    // subject’s.
    let talk = holding(&quotes, text, "They need to talk.");
    assert_eq!(speaker(talk), Some("Ines Duval"));
    assert_eq!(talk.cue.map(|c| c.slice(text)), Some("adding"));
    let meet = reported_holding(&quotes, text, "will meet next week");
    assert!(!meet.span.slice(text).contains("adding"), "{meet:#?}");
}

#[test]
fn after_a_short_opener_the_content_follows_its_source() {
    let text = "Mayor Ines Duval spoke on Monday.

But the next day, according to Duval, the council made further demands on the port.

The ferries will stop running in March, according to the port authority.
";
    let quotes = quotes_of(text);
    let demands = reported_holding(&quotes, text, "further demands");
    assert_eq!(
        demands.span.slice(text),
        "the council made further demands on the port"
    );
    assert_eq!(speaker(demands), Some("Ines Duval"));
    let ferries = reported_holding(&quotes, text, "ferries");
    assert_eq!(
        ferries.span.slice(text),
        "The ferries will stop running in March"
    );
}

#[test]
fn a_work_named_by_its_owner_or_as_titled_is_nobody_s_quote() {
    let text = "Mayor Ines Duval spoke on Monday.

Sunday on the Harbour News channel’s “Morning Tide Review,” Mayor Ines Duval said the ferries would run.

The campaign’s new spot, titled “Undertow,” ran for a week before the vote.
";
    let quotes = quotes_of(text);
    for title in ["Morning Tide Review", "Undertow"] {
        let q = quotes
            .iter()
            .find(|q| q.span.slice(text).starts_with(title))
            .unwrap_or_else(|| panic!("{title}: {quotes:#?}"));
        assert_eq!(q.kind, QuoteKind::Partial, "{q:?}");
        assert!(q.speaker.is_none() && q.cue.is_none(), "{q:?}");
    }
}

#[test]
fn only_verbs_of_saying_put_their_speaker_after_them() {
    let text = "Mayor Ines Duval spoke on Monday.

Harbour pilots described the channel under the bridge as “a maze of wrecks.”

The council thanked the ferry crews for “keeping the city moving.”

Said Duval, “We owe the crews more than thanks.”
";
    let quotes = quotes_of(text);
    // An object after "described" or "thanked" is no speaker.
    for needle in ["a maze of wrecks", "keeping the city moving"] {
        let q = holding(&quotes, text, needle);
        let who = q.speaker.as_ref().map(|s| s.span.slice(text));
        assert!(
            !matches!(who, Some("the channel" | "the ferry crews")),
            "{needle}: {q:#?}"
        );
    }
    // "Said Duval, “...”": a capitalized verb of saying inverts too.
    let thanks = holding(&quotes, text, "more than thanks");
    assert_eq!(speaker(thanks), Some("Ines Duval"));
}

#[test]
fn an_inverted_attribution_inside_the_sentence_is_followed_by_its_speaker_s_appositive() {
    let text = "Mayor Ines Duval spoke on Monday.

The ferry company also uses the same old boats on every crossing, said Oskar Brandt, the director of the Harbour Institute, which studies shipping.
";
    let quotes = quotes_of(text);
    let boats = reported_holding(&quotes, text, "old boats");
    assert_eq!(
        boats.span.slice(text),
        "The ferry company also uses the same old boats on every crossing"
    );
    assert_eq!(speaker(boats), Some("Oskar Brandt"));
}

#[test]
fn a_that_after_the_content_s_own_verb_stays_in_the_content() {
    let text = "Mayor Ines Duval spoke on Monday.

Duval said her biggest worry about the tunnel is that it is “a hole with no bottom.”

Duval said on Harbour Radio’s “Tide Talk” on Sunday that the ferries would run.
";
    let quotes = quotes_of(text);
    let worry = reported_holding(&quotes, text, "biggest worry");
    assert_eq!(
        worry.span.slice(text),
        "her biggest worry about the tunnel is that it is “a hole with no bottom.”"
    );
    // Past an adjunct holding a quoted title, "that" still opens the content.
    let run = reported_holding(&quotes, text, "ferries would run");
    assert_eq!(run.span.slice(text), "the ferries would run");
}

#[test]
fn a_sentence_opening_with_a_phrase_about_a_letter_keeps_its_subject() {
    let text = "Mayor Ines Duval has praised the ferry crews who kept the island supplied through the winter in a letter addressed to Oskar Brandt.

In a letter reported by local media, Duval thanked the crews for their work, recalling the storm of last winter.

In a letter published by the Harbour Gazette, Duval thanked the pilots, praising their courage in the storm.
";
    let quotes = quotes_of(text);
    // "In a letter" is no subject: the participle reports Duval, not the letter's addressee.
    let storm = reported_holding(&quotes, text, "the storm of last winter");
    assert_eq!(speaker(storm), Some("Ines Duval"));
    // Nor is the outlet named inside that phrase.
    let courage = reported_holding(&quotes, text, "their courage");
    assert_eq!(speaker(courage), Some("Ines Duval"));
}

#[test]
fn a_relative_pronoun_after_a_name_in_a_phrase_refers_to_the_noun_before_it() {
    let text = "The talks went on for a week.

The visit of a trade delegation to Port Ellis, which praised the “tireless” harbour crews, ended on Friday.

Norland was one of the three members of the Harbour League who refused to sign the pact.

Norland belongs to the Harbour League, which said the pact was unfair.
";
    let quotes = quotes_of(text);
    let crews = reported_holding(&quotes, text, "harbour crews");
    assert_eq!(speaker_words(crews, text), "a trade delegation");
    let sign = reported_holding(&quotes, text, "to sign the pact");
    assert_eq!(speaker_words(sign, text), "three members");
    // An organization right before "which" is its antecedent.
    let unfair = reported_holding(&quotes, text, "was unfair");
    assert_eq!(speaker(unfair), Some("Harbour League"));
}

#[test]
fn an_outlet_credited_at_the_end_is_the_channel_not_a_second_speaker() {
    let text = "The ferries stopped after the storm, the local newspaper Harbour Gazette reported.

Mayor Ines Duval voiced hope that the ferries “would run again by spring,” according to the timetable set out in 2019 by the two councils, the newspaper reported.
";
    let quotes = quotes_of(text);
    let spring = reported_holding(&quotes, text, "would run again");
    assert_eq!(speaker(spring), Some("Ines Duval"));
    assert_eq!(
        spring.cited_source.as_ref().map(|c| c.name.as_str()),
        Some("Harbour Gazette")
    );
    // What is left of the sentence is not the Gazette's own statement.
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(text).contains("timetable")),
        "{quotes:#?}"
    );
}

#[test]
fn a_participle_after_an_addressee_is_the_letter_s_and_an_infinitive_is_its_content() {
    let text = "Mayor Ines Duval sent a letter to Norland leader Oskar Brandt pledging to reopen the northern pier on Friday, ending a dispute of two years.

The council sent a note to the Harbour League urging to keep the ferries running.
";
    let quotes = quotes_of(text);
    // The letter pledges, and speaks for the one who sent it, not for its addressee.
    let pier = reported_holding(&quotes, text, "the northern pier");
    assert_eq!(speaker(pier), Some("Ines Duval"));
    assert_eq!(speaker_words(pier, text), "a letter");
    // "to reopen ... on Friday" is what was pledged, not a phrase before the content.
    assert!(
        pier.span
            .slice(text)
            .starts_with("to reopen the northern pier"),
        "{pier:#?}"
    );
    // So after an organization: the note urges, not the League it went to.
    let ferries = reported_holding(&quotes, text, "keep the ferries");
    assert_eq!(speaker_words(ferries, text), "a note");
}

#[test]
fn a_report_after_with_is_a_clause_of_its_own() {
    let text = "The mayor's plan drew fire.

Experts express deep doubt about the new harbour wall, with one telling the Harbour Gazette that the wall would not survive a single winter storm.
";
    let quotes = quotes_of(text);
    let wall = reported_holding(&quotes, text, "would not survive");
    assert_eq!(
        wall.span.slice(text),
        "the wall would not survive a single winter storm"
    );
    assert_eq!(speaker_words(wall, text), "one");
    assert_eq!(
        wall.cited_source.as_ref().map(|c| c.name.as_str()),
        Some("Harbour Gazette")
    );
    // The experts' doubt does not run on into one expert's statement.
    assert!(
        quotes
            .iter()
            .filter(|q| q.span.slice(text).contains("about the new harbour wall"))
            .all(|q| !q.span.slice(text).contains("survive")),
        "{quotes:#?}"
    );
}

#[test]
fn names_joined_in_one_subject_speak_together() {
    let text = "The summit ended early.

During a call on Friday, Mayor Ines Duval and Oskar Brandt agreed to reopen the northern pier before winter.

Norland, the Harbour League and Port Ellis said the ferries would run again in spring.

The talks between Ines Duval and Oskar Brandt were said to be tense, officials said.
";
    let quotes = quotes_of(text);
    let names = |q: &Quote| {
        let mut all = vec![speaker(q).unwrap_or_default().to_owned()];
        all.extend(q.co_speakers.iter().map(|c| c.name.clone()));
        all
    };
    let pier = reported_holding(&quotes, text, "northern pier");
    assert_eq!(names(pier), ["Ines Duval", "Oskar Brandt"]);
    // Each one named where the subject names them.
    assert_eq!(pier.co_speakers[0].span.slice(text), "Oskar Brandt");
    let ferries = reported_holding(&quotes, text, "ferries would run");
    assert_eq!(names(ferries), ["Norland", "Harbour League", "Port Ellis"]);
    // Names after a preposition are no subject.
    let tense = reported_holding(&quotes, text, "tense");
    assert!(tense.co_speakers.is_empty(), "{tense:#?}");
    assert_eq!(speaker_words(tense, text), "officials");
}

#[test]
fn maintain_reports_only_a_that_clause() {
    let text = "The summit ended early.

Mayor Ines Duval and Oskar Brandt agreed to reopen the northern pier and maintain “close contact” between the two councils.

Harbour engineers maintain that the northern pier is safe for ferries.
";
    let quotes = quotes_of(text);
    let cue = |q: &Quote| q.cue.map(|c| c.slice(text));
    let pier = reported_holding(&quotes, text, "reopen the northern pier");
    assert_eq!(cue(pier), Some("agreed"));
    assert!(pier.span.slice(text).contains("close contact"), "{pier:#?}");
    assert!(
        quotes
            .iter()
            .filter(|q| q.span.slice(text).contains("close contact"))
            .all(|q| cue(q) == Some("agreed")),
        "{quotes:#?}"
    );
    let safe = reported_holding(&quotes, text, "is safe for ferries");
    assert_eq!(cue(safe), Some("maintain"));
}

#[test]
fn a_contrast_the_writer_draws_ends_the_reported_clause() {
    let text = "Budget talks\n\nMayor Ortiz said the tunnel would be finished by spring, while \
                the treasurer Ellen Dunn wants a bridge instead.\n";
    let quotes = quotes_of(text);
    let tunnel = holding(&quotes, text, "finished by spring");
    assert_eq!(
        tunnel.span.slice(text),
        "the tunnel would be finished by spring"
    );
    assert_eq!(speaker(tunnel), Some("Ortiz"));
}

#[test]
fn a_colon_hands_the_sentence_over_to_the_quote_its_tag_attributes() {
    let text = "Harbour news\n\nThe mayor spoke about the chores her office brings, above all \
                the budget: “There is far too much paperwork in this job,” Duval said.\n";
    let quotes = quotes_of(text);
    let chores = holding(&quotes, text, "paperwork");
    assert_eq!(
        chores.span.slice(text),
        "There is far too much paperwork in this job,"
    );
    assert_eq!(chores.kind, QuoteKind::Direct);
    assert_eq!(speaker(chores), Some("Duval"));
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(text).contains("chores")),
        "{quotes:#?}"
    );
}

#[test]
fn verbs_of_pleading_and_exclaiming_report() {
    let text = "Pool vote\n\nMara Olsen pleaded that the council keep the pool open all summer.\n\n\
                “It is the only cool place in town!” Olsen exclaimed.\n\n\
                Councillor Ivo Brandt speculated that the vote would be close.\n";
    let quotes = quotes_of(text);
    let cue = |q: &Quote| q.cue.map(|c| c.slice(text));
    let pool = reported_holding(&quotes, text, "keep the pool open");
    assert_eq!(cue(pool), Some("pleaded"));
    assert_eq!(speaker(pool), Some("Mara Olsen"));
    let cool = holding(&quotes, text, "only cool place");
    assert_eq!(cue(cool), Some("exclaimed"));
    assert_eq!(speaker(cool), Some("Mara Olsen"));
    let vote = reported_holding(&quotes, text, "would be close");
    assert_eq!(cue(vote), Some("speculated"));
    assert_eq!(speaker(vote), Some("Ivo Brandt"));
}

#[test]
fn a_tag_followed_by_a_participle_still_attributes_the_clause_before_it() {
    let text = "Harbor plan\n\nThe mayor’s “shortcuts” are reckless, Lena Varga said Friday in \
                Gdansk, noting that the harbor plan “ignores the fishermen.”\n";
    let quotes = quotes_of(text);
    // The clause with its partial quote is the tag's content, not the partial quote alone.
    let shortcuts = reported_holding(&quotes, text, "shortcuts");
    assert_eq!(
        shortcuts.span.slice(text),
        "The mayor’s “shortcuts” are reckless"
    );
    assert_eq!(speaker(shortcuts), Some("Lena Varga"));
    // The participle past the place reports for the same speaker, not for the mayor.
    let harbor = reported_holding(&quotes, text, "ignores the fishermen");
    assert_eq!(speaker(harbor), Some("Lena Varga"));
}

#[test]
fn verbs_that_cast_their_object_as_a_quote_report_only_in_that_shape() {
    let text = "Tax fight\n\nSenator Alma Ruiz referred to the new levy as a “stealth tax.”\n\n\
                Mayor Tom Okafor dismissed the audit as “a fishing expedition,” which angered \
                the auditors. Okafor identified the auditors in a letter.\n";
    let quotes = quotes_of(text);
    let cue = |q: &Quote| q.cue.map(|c| c.slice(text));
    let levy = reported_holding(&quotes, text, "stealth tax");
    // The object past the particle, with the quote: not "to the new levy ...".
    assert_eq!(levy.span.slice(text), "the new levy as a “stealth tax.”");
    assert_eq!(cue(levy), Some("referred"));
    assert_eq!(speaker(levy), Some("Alma Ruiz"));
    // A quote closing on a comma ends the content: "which angered ..." is the writer's.
    let audit = reported_holding(&quotes, text, "fishing expedition");
    assert_eq!(
        audit.span.slice(text),
        "the audit as “a fishing expedition,”"
    );
    assert_eq!(speaker(audit), Some("Tom Okafor"));
    // Elsewhere the verb reports nothing.
    assert!(
        quotes
            .iter()
            .all(|q| q.cue.map(|c| c.slice(text)) != Some("identified")),
        "{quotes:#?}"
    );
}

#[test]
fn a_noun_of_saying_with_its_owner_reports_the_clause_after_it() {
    let text = "Bridge row\n\nMayor Ada Lin opened the bridge. Engineers doubted Lin’s repeated \
                claim that the old bridge was “perfectly safe”; others questioned the cost.\n\n\
                Residents cheered Lin’s pledge to keep the tolls “low forever” on Monday.\n\n\
                The mayor’s claim that the tolls “pay for themselves” drew scorn.\n";
    let quotes = quotes_of(text);
    let cue = |q: &Quote| q.cue.map(|c| c.slice(text));
    let safe = reported_holding(&quotes, text, "perfectly safe");
    // The clause after "that", to the semicolon; the owner of the claim speaks.
    assert_eq!(safe.span.slice(text), "the old bridge was “perfectly safe”");
    assert_eq!(cue(safe), Some("claim"));
    assert_eq!(speaker(safe), Some("Ada Lin"));
    let tolls = reported_holding(&quotes, text, "low forever");
    assert_eq!(
        tolls.span.slice(text),
        "to keep the tolls “low forever” on Monday"
    );
    assert_eq!(cue(tolls), Some("pledge"));
    assert_eq!(speaker(tolls), Some("Ada Lin"));
    // A claim that is its sentence's subject shows no end to its clause: no reported clause
    // is made up ("... drew scorn" is the writer's).
    assert!(
        quotes
            .iter()
            .all(|q| !q.span.slice(text).contains("drew scorn")),
        "{quotes:#?}"
    );
}

#[test]
fn a_name_labelling_a_quote_after_a_dash_speaks_it() {
    let text = "Poll watch\n\nThe polls missed the rural vote - Pollwatch: “Turnout in the \
                valleys ran far above every model we had.”\n\n\
                Update: “The count will finish on Friday.”\n";
    let quotes = quotes_of(text);
    let turnout = holding(&quotes, text, "Turnout in the valleys");
    assert_eq!(turnout.kind, QuoteKind::Direct);
    assert_eq!(speaker_words(turnout, text), "Pollwatch");
    assert_eq!(turnout.cue.map(|c| c.slice(text)), Some(":"));
    // A label opening its sentence, untagged, is page furniture, not a speaker.
    let count = holding(&quotes, text, "count will finish");
    assert_eq!(speaker(count), None, "{count:#?}");
}

#[test]
fn a_tag_after_a_quote_ending_in_a_nested_quote_attributes_it() {
    let text = "Flood call\n\n“When the river rose, her first words were, ‘What can we do to \
                help?’” Rosa Ibarra told reporters on Tuesday’s call.\n";
    let quotes = quotes_of(text);
    let help = holding(&quotes, text, "When the river rose");
    assert_eq!(help.kind, QuoteKind::Direct);
    assert_eq!(speaker(help), Some("Rosa Ibarra"));
    assert_eq!(help.cue.map(|c| c.slice(text)), Some("told"));
}

#[test]
fn a_cue_in_a_clause_of_its_own_after_a_scare_quote_does_not_attribute_it() {
    let text = "Trade pact\n\nThe pact is only a “framework” because several ministers did not \
                agree. Minister Ana Cruz said the talks were “nearly done” when they met.\n";
    let quotes = quotes_of(text);
    let framework = holding(&quotes, text, "framework");
    assert_eq!(framework.kind, QuoteKind::Partial);
    assert_eq!(speaker(framework), None, "{framework:#?}");
    // A cue before the quote still attributes it, whatever follows.
    let done = holding(&quotes, text, "nearly done");
    assert_eq!(speaker(done), Some("Ana Cruz"));
}

#[test]
fn a_dash_before_an_appositive_ends_the_reported_clause() {
    let text = "Bus plan

Rosa Ibarra said she was “encouraged” by the plan — a modest step                 for a council that had cut routes for years.
";
    let quotes = quotes_of(text);
    let plan = reported_holding(&quotes, text, "encouraged");
    assert_eq!(plan.span.slice(text), "she was “encouraged” by the plan");
    assert_eq!(speaker(plan), Some("Rosa Ibarra"));
}

#[test]
fn a_program_named_after_told_or_with_is_nobody_s_words() {
    let text = "Morning shows\n\n“The mayor is fair game,” Omar Haddad told “Good Day Lakeside,” \
                reminding the hosts of the budget.\n\n\
                In an interview with “Valley Tonight,” Mayor Ines Park pointed to the schools.\n";
    let quotes = quotes_of(text);
    let game = holding(&quotes, text, "fair game");
    assert_eq!(speaker(game), Some("Omar Haddad"));
    for show in ["Good Day Lakeside", "Valley Tonight"] {
        let q = holding(&quotes, text, show);
        assert_eq!(q.kind, QuoteKind::Partial, "{q:#?}");
        assert_eq!(speaker(q), None, "{q:#?}");
    }
}

#[test]
fn an_outlet_named_with_its_article_closes_the_clause_it_reports() {
    let text = "Audit\n\nThe auditor had filed the memo in a drawer marked “shred later,” \
                the Gazette reported.\n";
    let quotes = quotes_of(text);
    let memo = reported_holding(&quotes, text, "shred later");
    assert_eq!(
        memo.span.slice(text),
        "The auditor had filed the memo in a drawer marked “shred later,”"
    );
    assert_eq!(memo.cue.map(|c| c.slice(text)), Some("reported"));
    assert_eq!(speaker(memo), Some("Gazette"));
}

#[test]
fn called_on_reports_its_object_past_the_particle() {
    let text = "Harbor board\n\nSenator Alma Ruiz called on the harbor board to “act before the \
                storms come back” and publish its plan.\n";
    let quotes = quotes_of(text);
    let act = reported_holding(&quotes, text, "act before the storms");
    assert!(
        act.span.slice(text).starts_with("the harbor board to “act"),
        "{:?}",
        act.span.slice(text)
    );
    assert_eq!(speaker(act), Some("Alma Ruiz"));
}

#[test]
fn a_quantity_alone_speaks_and_a_phrase_before_a_verb_is_no_inverted_subject() {
    let text = "Rail vote\n\nSeveral said the new line was “a gift to commuters” and a bargain.\n\n\
                At the hearing, most said the fares were “far too high” for students.\n";
    let quotes = quotes_of(text);
    let gift = reported_holding(&quotes, text, "a gift to commuters");
    assert_eq!(
        gift.span.slice(text),
        "the new line was “a gift to commuters” and a bargain"
    );
    assert_eq!(speaker_words(gift, text), "Several");
    let fares = reported_holding(&quotes, text, "far too high");
    assert_eq!(speaker_words(fares, text), "most");
    // "said the fares were" does not make "the fares" who speaks.
    assert!(
        quotes
            .iter()
            .all(|q| !speaker_words(q, text).starts_with("the fares")),
        "{quotes:#?}"
    );
}

#[test]
fn a_quote_closing_on_a_comma_ends_the_clause_before_the_writer_s_gloss() {
    let text = "Transit poll\n\nMost riders say the new timetable is “about right,” though \
                commuters from the valley still wait longest.\n";
    let quotes = quotes_of(text);
    let timetable = reported_holding(&quotes, text, "about right");
    assert_eq!(
        timetable.span.slice(text),
        "the new timetable is “about right,”"
    );
    assert_eq!(speaker_words(timetable, text), "Most riders");
}

#[test]
fn a_short_quote_far_from_the_reporting_verb_is_the_writer_s_term() {
    let text = "Harbor\n\nThe “dry dock” plan stalled for months after the port authority \
                and two unions refused to sign, Mayor Lena Ortiz said on Tuesday.\n\n\
                Ortiz called the delay “shameful” and said the city would act.\n\n\
                The deal is “good for workers,” union chief Raul Vega wrote in a letter to \
                the port board, and “long overdue.”\n";
    let quotes = quotes_of(text);
    // Nine words from "refused" and more from "said": a term, nobody's quote.
    let dock = holding(&quotes, text, "dry dock");
    assert_eq!(dock.kind, QuoteKind::Partial);
    assert_eq!(speaker(dock), None, "{dock:#?}");
    assert_eq!(dock.cue, None, "{dock:#?}");
    // The object of its own reporting verb is reported, however short.
    let shameful = holding(&quotes, text, "shameful");
    assert_eq!(speaker(shameful), Some("Lena Ortiz"), "{shameful:#?}");
    // The last of quoted words joined by "and" goes with the first, past the tag between.
    let overdue = holding(&quotes, text, "long overdue");
    assert_eq!(speaker(overdue), Some("Raul Vega"), "{overdue:#?}");
}

#[test]
fn a_title_in_the_subject_s_appositive_leaves_the_subject_to_report() {
    for text in [
        "Study\n\nMara Lind, the author of “Slow News,” said the days when towns had \
         “a shared story” from their papers are gone.\n",
        "Study\n\nMara Lind, the author of “Slow News,” about the decline of local papers, \
         said the days when towns had “a shared story” from their papers are gone.\n",
    ] {
        let quotes = quotes_of(text);
        let days = reported_holding(&quotes, text, "the days when");
        assert_eq!(
            days.span.slice(text),
            "the days when towns had “a shared story” from their papers are gone"
        );
        assert_eq!(speaker(days), Some("Mara Lind"), "{days:#?}");
        let title = holding(&quotes, text, "Slow News");
        assert_eq!(speaker(title), None, "{title:#?}");
    }
}

#[test]
fn a_pull_quote_may_be_signed_on_the_line_after_with_a_hyphen() {
    let text = "Debate notes

The candidates traded numbers all night.

\"Big firms pay almost nothing in taxes.\"

- Dana Ruiz.

\"Great night. She is ready.\"

-Omar Haddad, writing after the debate.

A quote in a paragraph of its own, \"unsigned and short,\" stays partial.
";
    let quotes = quotes_of(text);
    let taxes = holding(&quotes, text, "Big firms");
    assert_eq!(speaker_words(taxes, text), "Dana Ruiz", "{quotes:#?}");
    assert_eq!(taxes.cue.map(|c| c.slice(text)), Some("-"));
    let night = holding(&quotes, text, "Great night");
    assert_eq!(speaker_words(night, text), "Omar Haddad", "{quotes:#?}");
}

#[test]
fn credited_reports_its_object_and_the_quote() {
    let text = "Council\n\nMayor Lena Ortiz credited the crews for “a fast and careful cleanup” \
                after the storm.\n\nOrtiz identified the victim on Monday.\n";
    let quotes = quotes_of(text);
    let crews = reported_holding(&quotes, text, "fast and careful");
    assert_eq!(
        crews.span.slice(text),
        "the crews for “a fast and careful cleanup” after the storm"
    );
    assert_eq!(speaker(crews), Some("Lena Ortiz"), "{crews:#?}");
    assert_eq!(crews.cue.map(|c| c.slice(text)), Some("credited"));
    // Without the quote's shape a casting verb reports nothing.
    assert!(
        !quotes.iter().any(|q| q.span.slice(text).contains("victim")),
        "{quotes:#?}"
    );
}

#[test]
fn a_participle_naming_the_noun_before_it_reports_nothing() {
    let text = "Islands\n\nA bakery owner set up a website called “Move Here If Things Go Wrong” \
                that lists empty houses.\n\nThe mayor called the site “a gift.”\n";
    let quotes = quotes_of(text);
    let site = holding(&quotes, text, "Move Here");
    assert_eq!(speaker(site), None, "{site:#?}");
    assert_eq!(site.cue, None, "{site:#?}");
    // A naming verb with its subject and object still reports.
    let gift = holding(&quotes, text, "a gift");
    assert_eq!(speaker_words(gift, text), "The mayor", "{quotes:#?}");
}

#[test]
fn a_short_quote_its_verb_gives_nobody_to_say_is_the_writer_s_term() {
    let text = "Final\n\nFans packed the stadium for a final that many are calling an \
                “instant classic.”\n\n\
                Coach Dana Reyes called the comeback “historic” after the game.\n";
    let quotes = quotes_of(text);
    // "calling" has no one to say the words: the writer's term, with no cue.
    let classic = holding(&quotes, text, "instant classic");
    assert_eq!(speaker(classic), None, "{classic:#?}");
    assert_eq!(classic.cue, None, "{classic:#?}");
    // With a speaker, the same verb reports the word.
    let historic = holding(&quotes, text, "historic");
    assert_eq!(speaker(historic), Some("Dana Reyes"), "{historic:#?}");
    assert!(historic.cue.is_some(), "{historic:#?}");
}

#[test]
fn a_reported_clause_ends_where_another_report_begins() {
    let text = "Budget\n\nSenator Ada Brooks said on Friday that the bill would pass, although she \
                warned that the vote “could slip to June.”\n\n\
                Governor Tom Reed spent the evening lamenting the state of the budget: “We are \
                out of money,” he said.\n";
    let quotes = quotes_of(text);
    let text_of = |q: &Quote| q.span.slice(text);
    // "although she warned" opens a report of its own.
    let pass = quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect && text_of(q).contains("bill would pass"))
        .expect("the clause of 'said'");
    assert!(!text_of(pass).contains("although"), "{pass:#?}");
    let slip = holding(&quotes, text, "could slip to June");
    assert_eq!(speaker(slip), Some("Ada Brooks"), "{slip:#?}");
    assert_eq!(slip.cue.map(|c| c.slice(text)), Some("warned"), "{slip:#?}");
    // A quote with a tag of its own is a statement of its own, not part of the clause before.
    let money = holding(&quotes, text, "We are out of money");
    assert_eq!(money.kind, QuoteKind::Direct, "{money:#?}");
    assert_eq!(money.cue.map(|c| c.slice(text)), Some("said"), "{money:#?}");
    assert_eq!(speaker(money), Some("Tom Reed"), "{money:#?}");
    assert!(
        !quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Indirect && text_of(q).contains("out of money")),
        "{quotes:#?}"
    );
}

#[test]
fn a_quote_resumed_after_its_tag_keeps_the_tag_s_speaker() {
    let text = "Transit\n\n“Most riders are patient,” Mayor Lena Ortiz wrote in a letter to the \
                board explaining why she backs the plan, “but the city cannot wait much longer \
                for trains that work.”\n";
    let quotes = quotes_of(text);
    let text_of = |q: &Quote| q.span.slice(text);
    let first = holding(&quotes, text, "Most riders are patient");
    assert_eq!(speaker(first), Some("Lena Ortiz"), "{first:#?}");
    // The second half goes on with the first, though "explaining" stands nearer, and though
    // it holds a "that" of its own.
    let rest = holding(&quotes, text, "cannot wait much longer");
    assert_eq!(rest.kind, QuoteKind::Direct, "{rest:#?}");
    assert_eq!(speaker(rest), Some("Lena Ortiz"), "{rest:#?}");
    assert_eq!(rest.cue.map(|c| c.slice(text)), Some("wrote"), "{rest:#?}");
    assert!(
        !quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Indirect && text_of(q).contains("cannot wait")),
        "{quotes:#?}"
    );
}

#[test]
fn a_relative_clause_on_a_quote_is_not_its_tag() {
    let text = "Overtime\n\nEconomist Dana Reyes has studied the rule for years.\n\n\
                “Our members are frustrated,” said Tom Reed, a spokesman for the retailers. \
                “The agency has been too aggressive with the rule,” which Reyes thinks will \
                lead shops to cut hours.\n";
    let quotes = quotes_of(text);
    let agency = holding(&quotes, text, "too aggressive");
    // "which Reyes thinks" is said of the quote, not by its speaker: the quote goes on with
    // Reed's statement.
    assert_eq!(speaker(agency), Some("Tom Reed"), "{agency:#?}");
    assert_eq!(agency.cue, None, "{agency:#?}");
}

#[test]
fn a_question_closing_a_reported_clause_ends_it_before_the_writer_s_when() {
    let text = "Hearing\n\nSenator Ada Brooks drew cheers at the hearing, chiding the minister, \
                “What difference does a second report make now?” when questioned about the \
                delays at the port.\n";
    let quotes = quotes_of(text);
    let chiding = holding(&quotes, text, "What difference");
    assert!(
        !chiding.span.slice(text).contains("questioned"),
        "{chiding:#?}"
    );
    assert_eq!(speaker(chiding), Some("Ada Brooks"), "{chiding:#?}");
}

#[test]
fn read_tags_a_document_s_words_inverted() {
    let text = "Appeal\n\n“Our campaign has already moved the senator on trade and wages,” read \
                the email. “And with every vote we grow stronger.”\n\n\
                The council will read the report in March.\n";
    let quotes = quotes_of(text);
    let moved = holding(&quotes, text, "already moved the senator");
    assert_eq!(moved.cue.map(|c| c.slice(text)), Some("read"), "{moved:#?}");
    assert_eq!(speaker_words(moved, text), "the email", "{moved:#?}");
    let stronger = holding(&quotes, text, "with every vote");
    assert_eq!(speaker_words(stronger, text), "the email", "{stronger:#?}");
    // "read" with an object is reading, no tag.
    assert!(
        !quotes.iter().any(|q| q.span.slice(text).contains("report")),
        "{quotes:#?}"
    );
}

#[test]
fn a_pronoun_subject_with_a_quote_going_on_mid_clause_is_a_reported_clause() {
    let text = "Harbor\n\nMayor Ines Duval said that she “backs the harbor plan 100 percent,” \
                while her rival did not.\n\n\
                Duval wrote that “the pier must open by spring.”\n";
    let quotes = quotes_of(text);
    let text_of = |q: &Quote| q.span.slice(text);
    // "she “backs ...”": the quote finishes the writer's clause, partial within it.
    assert!(
        quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Partial && text_of(q).starts_with("backs")),
        "{quotes:#?}"
    );
    let clause = clause_holding(&quotes, text, "backs");
    assert!(text_of(clause).starts_with("she"), "{clause:#?}");
    assert_eq!(speaker(clause), Some("Ines Duval"), "{clause:#?}");
    // A quote that is the whole clause stands as the direct one.
    let pier = holding(&quotes, text, "the pier must open");
    assert_eq!(pier.kind, QuoteKind::Direct, "{pier:#?}");
}

#[test]
fn the_cue_whose_that_opens_a_quote_governs_it() {
    let text = "Convention\n\nDuval told the crowd that “we close one chapter in history and \
                we begin another,” and she vowed to carry the party's banner.\n";
    let quotes = quotes_of(text);
    let chapter = holding(&quotes, text, "we close one chapter");
    // "and she vowed" is nearer, but "told ... that" is what introduces the quote.
    assert_eq!(
        chapter.cue.map(|c| c.slice(text)),
        Some("told"),
        "{chapter:#?}"
    );
    assert_eq!(speaker(chapter), Some("Duval"), "{chapter:#?}");
}

#[test]
fn a_transcript_label_with_title_and_party_names_the_speaker() {
    let text = "Hearing\n\nThe hearing went on for hours.\n\n\
                Sen. Maria Lopez (D-Ore.):\"Who gave you that figure? Who told you that?\"\n\n\
                Former director Alan Park: \"We learned it from the agency.\"\n";
    let quotes = quotes_of(text);
    let figure = holding(&quotes, text, "Who gave you that figure");
    assert_eq!(speaker(figure), Some("Maria Lopez"), "{figure:#?}");
    assert_eq!(figure.cue.map(|c| c.slice(text)), Some(":"), "{figure:#?}");
    let agency = holding(&quotes, text, "We learned it");
    assert_eq!(speaker(agency), Some("Alan Park"), "{agency:#?}");
}

#[test]
fn a_dash_ends_a_reported_clause_before_the_next_report() {
    let text = "Talks\n\nAfter the meeting both leaders issued a statement expressing optimism \
                about working together – Brooks saying she was “very encouraged” by the talks.\n";
    let quotes = quotes_of(text);
    let text_of = |q: &Quote| q.span.slice(text);
    let encouraged = clause_holding(&quotes, text, "very encouraged");
    assert!(
        text_of(encouraged).starts_with("she was"),
        "{encouraged:#?}"
    );
    assert_eq!(speaker_words(encouraged, text), "Brooks", "{encouraged:#?}");
    assert!(
        !quotes
            .iter()
            .any(|q| text_of(q).contains("working together – Brooks")),
        "{quotes:#?}"
    );
}

#[test]
fn a_dash_after_a_partial_quote_opens_the_writer_s_aside() {
    let text = "Rates\n\nBrooks warned the bank against cutting rates, because she thought it \
                \"risks higher inflation and a weaker currency\" - except that inflation has \
                fallen since then.\n\n\
                Brooks said the plan - drafted in March - would pass.\n";
    let quotes = quotes_of(text);
    let text_of = |q: &Quote| q.span.slice(text);
    let risks = clause_holding(&quotes, text, "risks higher");
    assert!(!text_of(risks).contains("except"), "{risks:#?}");
    // Dashes with no quote before them are the speaker's own aside.
    let plan = clause_holding(&quotes, text, "the plan");
    assert!(text_of(plan).ends_with("would pass"), "{plan:#?}");
}

#[test]
fn a_contrast_with_a_subject_of_its_own_ends_a_reported_clause() {
    let text = "Platform\n\nReyes said there had been some “good gains” in the talks on the \
                platform, but he pressed Brooks to do more for his voters.\n";
    let quotes = quotes_of(text);
    let text_of = |q: &Quote| q.span.slice(text);
    let gains = clause_holding(&quotes, text, "good gains");
    assert!(text_of(gains).ends_with("the platform"), "{gains:#?}");
    assert_eq!(speaker_words(gains, text), "Reyes", "{gains:#?}");
}

#[test]
fn a_subject_with_a_possessive_after_the_quote_is_its_speaker() {
    let text = "Harbor\n\n“The mayor is selling her own brand of fiction,” the paper's editorial \
                board wrote.\n";
    let quotes = quotes_of(text);
    let fiction = holding(&quotes, text, "brand of fiction");
    assert_eq!(
        fiction.cue.map(|c| c.slice(text)),
        Some("wrote"),
        "{fiction:#?}"
    );
    assert_eq!(
        speaker_words(fiction, text),
        "the paper's editorial board",
        "{fiction:#?}"
    );
}

#[test]
fn a_role_noun_keeps_its_possessive() {
    let text = "Harbor\n\n“The mayor is selling fiction,” Duval's spokesman said.\n\n\
                “The pier will open,” the agency's director said on Monday.\n";
    let quotes = quotes_of(text);
    let fiction = holding(&quotes, text, "selling fiction");
    assert_eq!(
        speaker_words(fiction, text),
        "Duval's spokesman",
        "{fiction:#?}"
    );
    let pier = holding(&quotes, text, "The pier will open");
    assert_eq!(
        speaker_words(pier, text),
        "the agency's director",
        "{pier:#?}"
    );
}

#[test]
fn talking_about_a_quote_reports_it() {
    let text = "Harbor\n\nDuval talks about \"spoiling the party,\" a phrase she has used for \
                years.\n\nShe is already talking about \"a fierce urgency\" to get things done.\n\n\
                Brandt talked about the plan for an hour.\n";
    let quotes = quotes_of(text);
    let spoiling = holding(&quotes, text, "spoiling the party");
    assert_eq!(speaker(spoiling), Some("Duval"), "{spoiling:#?}");
    assert_eq!(
        spoiling.cue.map(|c| c.slice(text)),
        Some("talks"),
        "{spoiling:#?}"
    );
    let urgency = holding(&quotes, text, "a fierce urgency");
    assert_eq!(speaker(urgency), Some("Duval"), "{urgency:#?}");
    // Talk about a topic with no quote is no report.
    assert!(
        !quotes
            .iter()
            .any(|q| q.span.slice(text).contains("the plan")),
        "{quotes:#?}"
    );
}

#[test]
fn phrasal_and_less_common_reporting_verbs_are_cues() {
    let text = "Harbor\n\nAnalysts note that the ferry would \"never pay for itself.\"\n\n\
                Brandt pointed out that the pier had been \"closed for a decade.\"\n\n\
                Duval implied that the mayor was \"hiding something.\"\n\n\
                Brandt deemed the plan \"too risky\" for the town.\n\n\
                Duval fired back that the pier was \"never closed.\"\n\n\
                \"You are wrong about the ferry,\" Brandt shot back.\n\n\
                Duval pointed to the map that the council had drawn.\n";
    let quotes = quotes_of(text);
    for (needle, who, cue) in [
        ("never pay for itself", "Analysts", "note"),
        ("closed for a decade", "Brandt", "pointed"),
        ("hiding something", "Duval", "implied"),
        ("too risky", "Brandt", "deemed"),
        ("never closed", "Duval", "fired"),
    ] {
        let q = clause_holding(&quotes, text, needle);
        assert_eq!(speaker_words(q, text), who, "{q:#?}");
        assert_eq!(q.cue.map(|c| c.slice(text)), Some(cue), "{q:#?}");
    }
    // The clause a particle verb reports starts after "that", not at the particle.
    let pier = clause_holding(&quotes, text, "closed for a decade");
    assert!(pier.span.slice(text).starts_with("the pier"), "{pier:#?}");
    let wrong = holding(&quotes, text, "You are wrong");
    assert_eq!(speaker(wrong), Some("Brandt"), "{wrong:#?}");
    assert_eq!(wrong.cue.map(|c| c.slice(text)), Some("shot"), "{wrong:#?}");
    // "pointed to" is no report: what follows it is no clause it reports. (A quote in its
    // object is another matter: see
    // `a_quote_in_the_object_of_the_subject_s_verb_is_the_subject_s_with_the_object`.)
    assert!(
        !quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Indirect && q.span.slice(text).contains("map")),
        "{quotes:#?}"
    );
}

#[test]
fn a_dialogue_tag_may_end_on_a_particle() {
    let text = "Harbor\n\n\"Nobody asked the council,\" Duval cried out.\n";
    let quotes = quotes_of(text);
    let nobody = holding(&quotes, text, "Nobody asked");
    assert_eq!(speaker(nobody), Some("Duval"), "{nobody:#?}");
    assert_eq!(
        nobody.cue.map(|c| c.slice(text)),
        Some("cried"),
        "{nobody:#?}"
    );
}

#[test]
fn a_capitalized_word_opening_its_sentence_right_before_the_cue_is_its_subject() {
    let text = "Harbor\n\nOne resident called the pier \"a disgrace.\" Another said the ferry \
                was \"even worse.\"\n\nSomeone wrote that the town had \"given up.\"\n\n\
                When asked about the pier, the mayor said it was \"nearly done.\"\n";
    let quotes = quotes_of(text);
    for (needle, who) in [
        ("even worse", "Another"),
        ("given up", "Someone"),
        // A subordinator opening the sentence is no subject.
        ("nearly done", "the mayor"),
    ] {
        let q = clause_holding(&quotes, text, needle);
        assert_eq!(speaker_words(q, text), who, "{q:#?}");
    }
}

#[test]
fn a_belief_conjoined_by_its_pronoun_goes_on_with_the_content() {
    let text = "Harbor\n\nBrandt said the ferry plan is \"complex\" and he feels he can still win \
                the vote.\n\nDuval said the pier was \"a mess,\" and Brandt thinks so too.\n";
    let quotes = quotes_of(text);
    let complex = clause_holding(&quotes, text, "complex");
    assert_eq!(
        complex.span.slice(text),
        "the ferry plan is \"complex\" and he feels he can still win the vote",
        "{complex:#?}"
    );
    assert_eq!(speaker(complex), Some("Brandt"), "{complex:#?}");
    // A named subject of its own starts a report of its own.
    let mess = clause_holding(&quotes, text, "a mess");
    assert!(!mess.span.slice(text).contains("Brandt"), "{mess:#?}");
}

#[test]
fn a_listener_described_by_a_noun_stays_out_of_the_content() {
    let text = "Harbor\n\nDuval tells the crowd: \"We will rebuild the pier.\"\n\nBrandt told the \
                council he had never seen the plans.\n\nWhen I ask a question he doesn't like, \
                Duval only laughs.\n";
    let quotes = quotes_of(text);
    let rebuild = holding(&quotes, text, "We will rebuild");
    assert_eq!(
        rebuild.span.slice(text),
        "We will rebuild the pier.",
        "{rebuild:#?}"
    );
    assert_eq!(speaker(rebuild), Some("Duval"), "{rebuild:#?}");
    let plans = clause_holding(&quotes, text, "never seen");
    assert_eq!(
        plans.span.slice(text),
        "he had never seen the plans",
        "{plans:#?}"
    );
    // "ask" takes the thing asked as its object: no listener to skip.
    let question = clause_holding(&quotes, text, "doesn't like");
    assert_eq!(
        question.span.slice(text),
        "a question he doesn't like",
        "{question:#?}"
    );
}

#[test]
fn a_verb_conjoined_under_the_content_s_modal_is_the_content_s() {
    let text = "Harbor\n\nDuval says he would call Brandt in and tell him \"no more delays\" on \
                the pier.\n\nBrandt said he would offer \"a new plan\" for the pier but did not \
                say when it would come.\n";
    let quotes = quotes_of(text);
    let delays = clause_holding(&quotes, text, "no more delays");
    assert_eq!(
        delays.span.slice(text),
        "he would call Brandt in and tell him \"no more delays\" on the pier",
        "{delays:#?}"
    );
    assert_eq!(speaker(delays), Some("Duval"), "{delays:#?}");
    // "did not say" is the reporter's own second verb: the content ends before it.
    let plan = clause_holding(&quotes, text, "a new plan");
    assert_eq!(
        plan.span.slice(text),
        "he would offer \"a new plan\" for the pier",
        "{plan:#?}"
    );
}

#[test]
fn a_subject_named_with_where_it_is_from_speaks() {
    // A surname the tagger does not know, then "of" and a place, right before the cue.
    let text = "Harbor\n\nQuarvell of North Carolina said the pier was \"a disgrace\" to the \
                town.\n";
    let quotes = quotes_of(text);
    let disgrace = clause_holding(&quotes, text, "a disgrace");
    assert_eq!(speaker_words(disgrace, text), "Quarvell", "{disgrace:#?}");
    assert_eq!(
        disgrace.span.slice(text),
        "the pier was \"a disgrace\" to the town",
        "{disgrace:#?}"
    );
}

#[test]
fn a_participle_after_a_comma_reports_the_subject_of_the_main_clause_s_verb() {
    let text = "Harbor\n\nNBC Chairman Brandt said he was \"outraged\" by the vote, arguing that \
                \"closing the pier would be wrong.\"\n\nHer old friends have mocked Duval's plan, \
                calling Duval \"a dreamer\" in their letters.\n";
    let quotes = quotes_of(text);
    let wrong = holding(&quotes, text, "closing the pier");
    assert_eq!(speaker(wrong), Some("Brandt"), "{wrong:#?}");
    assert_eq!(
        wrong.cue.map(|c| c.slice(text)),
        Some("arguing"),
        "{wrong:#?}"
    );
    let dreamer = clause_holding(&quotes, text, "a dreamer");
    assert_eq!(
        speaker_words(dreamer, text),
        "Her old friends",
        "{dreamer:#?}"
    );
}

#[test]
fn plural_nouns_and_idioms_spelled_like_verbs_of_saying_report_nothing() {
    let text = "Harbor\n\nThe ferry line won praise in all five states, like Ohio and Maine. \
                In his opening remarks, Mayor Duval thanked the crew. The town grew thanks to \
                the new pier and cheap rents. Duval maintains a wide lead over Quarvell in the \
                polls. Quarvell continues to trail Duval by nine points in every county. \
                Quarvell felt slighted by the council and its long delays.\n\nThe ferry charter \
                states that every boat must carry a flag. The town's letter to the governor \
                states, without any caveat, that the pier is safe.\n";
    let quotes = quotes_of(text);
    let reported: Vec<&str> = quotes.iter().map(|q| q.span.slice(text)).collect();
    for noun in [
        "like Ohio",
        "Mayor Duval thanked",
        "the new pier",
        "a wide lead",
        "nine points",
        "by the council",
    ] {
        assert!(
            !reported.iter().any(|r| r.contains(noun)),
            "{noun:?} is reported: {reported:#?}"
        );
    }
    // The verb is found where a subject and what a verb of saying takes frame it.
    let charter = clause_holding(&quotes, text, "every boat");
    assert_eq!(charter.cue.map(|c| c.slice(text)), Some("states"));
    let letter = clause_holding(&quotes, text, "the pier is safe");
    assert_eq!(letter.cue.map(|c| c.slice(text)), Some("states"));
}

#[test]
fn going_on_doing_and_a_quote_in_the_object_report_the_verb_after() {
    let text = "Harbor\n\nOn the same day as the council vote, Duval continued to portray \
                \"reckless\" developers as the pier's enemies.\n\nQuarvell continued to insist \
                that the pier was \"perfectly safe\" for ferries.\n";
    let quotes = quotes_of(text);
    let portray = clause_holding(&quotes, text, "reckless");
    assert_eq!(
        portray.span.slice(text),
        "\"reckless\" developers as the pier's enemies",
        "{portray:#?}"
    );
    assert_eq!(portray.cue.map(|c| c.slice(text)), Some("portray"));
    assert_eq!(speaker_words(portray, text), "Duval");
    let insist = clause_holding(&quotes, text, "perfectly safe");
    assert_eq!(insist.cue.map(|c| c.slice(text)), Some("insist"));
    assert_eq!(
        insist.span.slice(text),
        "the pier was \"perfectly safe\" for ferries"
    );
}

#[test]
fn an_article_opens_an_outlet_named_after_according_to() {
    let text = "Harbor\n\n\"We are still winning hearts and minds every day,\" Duval said during \
                the closed session, according to audio provided to The Harbor Ledger.\n";
    let quotes = quotes_of(text);
    for q in &quotes {
        if let Some(sp) = &q.speaker {
            assert_ne!(sp.name, "The", "{q:#?}");
        }
    }
}

#[test]
fn a_possessive_pronoun_owns_its_claim_and_a_quote_alone_after_it_is_its_owner_s() {
    let text = "Harbor\n\nMayor Ines Duval repeated her claim that the pier was \"perfectly safe\" \
                for ferries.\n\nCouncilman Oskar Brandt stirred controversy last week over his \
                remark that \"there is no money left for the harbor.\"\n";
    let quotes = quotes_of(text);
    let claim = clause_holding(&quotes, text, "perfectly safe");
    assert_eq!(speaker(claim), Some("Ines Duval"), "{claim:#?}");
    assert_eq!(speaker_words(claim, text), "her");
    assert_eq!(claim.cue.map(|c| c.slice(text)), Some("claim"));
    let remark = holding(&quotes, text, "no money left");
    assert_eq!(speaker(remark), Some("Oskar Brandt"), "{remark:#?}");
    assert_eq!(remark.cue.map(|c| c.slice(text)), Some("remark"));
}

#[test]
fn a_relative_clause_with_a_report_of_its_own_ends_the_content_and_reports_on_its_own() {
    let text = "Schools\n\nSenator Hal Ortega said he had backed a bill to curb the testing \
                boards, which he called “a racket for the rich.”\n\n\
                Ana Pike took over the school in May. Governor Mia Lund praised the new \
                principal, Ana Pike, whom she described as \"tireless,\" at a rally.\n";
    let quotes = quotes_of(text);
    let text_of = |q: &Quote| q.span.slice(text);
    // "said" reports up to the relative clause, which is a report of its own.
    let backed = clause_holding(&quotes, text, "had backed a bill");
    assert_eq!(
        text_of(backed),
        "he had backed a bill to curb the testing boards"
    );
    assert_eq!(speaker(backed), Some("Hal Ortega"), "{backed:#?}");
    let racket = holding(&quotes, text, "a racket for the rich");
    assert_eq!(
        racket.cue.map(|c| c.slice(text)),
        Some("called"),
        "{racket:#?}"
    );
    assert_eq!(speaker(racket), Some("Hal Ortega"), "{racket:#?}");
    let tireless = holding(&quotes, text, "tireless");
    assert_eq!(
        tireless.cue.map(|c| c.slice(text)),
        Some("described"),
        "{tireless:#?}"
    );
    // "she" is the governor's: a relative clause's subject is not the person the clause is
    // about, however often the article names her.
    assert_eq!(speaker(tireless), Some("Mia Lund"), "{tireless:#?}");
}

#[test]
fn a_colon_after_a_sentence_s_subject_introduces_the_quote_whatever_the_verb() {
    let text = "Wages\n\nIn city after city, Governor Ada Brooks lobbies for a higher minimum \
                wage: “No one who works full time should live in poverty.”\n\n\
                In a Fox News interview on Sunday, Senator Tom Reed goes much further than his party: “The \
                wage is a tax on work.”\n\n\
                Wait, it gets better: “The board met twice and decided nothing.”\n\n\
                But Dana Ortiz was less cheerful: “The market will hate this. They won’t \
                understand it,” she recalled telling them.\n";
    let quotes = quotes_of(text);
    let poverty = holding(&quotes, text, "No one who works");
    assert_eq!(speaker(poverty), Some("Ada Brooks"), "{poverty:#?}");
    assert_eq!(
        poverty.cue.map(|c| c.slice(text)),
        Some(":"),
        "{poverty:#?}"
    );
    // The phrase before the subject names no one: the senator speaks, not Fox News.
    let tax = holding(&quotes, text, "a tax on work");
    assert_eq!(speaker(tax), Some("Tom Reed"), "{tax:#?}");
    // "it" opening the writer's aside is no speaker.
    let board = holding(&quotes, text, "met twice");
    assert_eq!((speaker(board), board.cue), (None, None), "{board:#?}");
    // A verb of saying after the quote is its tag, ahead of the colon.
    let market = holding(&quotes, text, "market will hate");
    assert_eq!(speaker(market), Some("Dana Ortiz"), "{market:#?}");
    assert_eq!(speaker_words(market, text), "she", "{market:#?}");
    assert_eq!(
        market.cue.map(|c| c.slice(text)),
        Some("recalled"),
        "{market:#?}"
    );
}

#[test]
fn a_quote_in_the_object_of_the_subject_s_verb_is_the_subject_s_with_the_object() {
    let text = "Budget fight\n\nMayor Ben Ortega derided the council’s “midnight budget” as if \
                nobody had read it.\n\n\
                Councilwoman Ruth Adler answered him on Tuesday. She turned to “sleepy” Tom \
                Vance, the council’s chairman, for a recount.\n\n\
                Ortega has mocked the council’s “fixes” (all three of them) for arriving too \
                late.\n\n\
                This Ortega campaign ad features “real people” in Dayton. Adler’s “open door” \
                plan failed in March.\n";
    let quotes = quotes_of(text);
    // The object is the content, up to an adjunct clause ("as if ..."), a comma, or the
    // sentence's end, over an aside in parentheses.
    let budget = clause_holding(&quotes, text, "midnight budget");
    assert_eq!(
        budget.span.slice(text),
        "the council’s “midnight budget”",
        "{budget:#?}"
    );
    assert_eq!(speaker(budget), Some("Ben Ortega"), "{budget:#?}");
    assert_eq!(budget.cue.map(|c| c.slice(text)), Some("derided"));
    let sleepy = clause_holding(&quotes, text, "sleepy");
    assert_eq!(sleepy.span.slice(text), "“sleepy” Tom Vance", "{sleepy:#?}");
    assert_eq!(speaker(sleepy), Some("Ruth Adler"), "{sleepy:#?}");
    let fixes = clause_holding(&quotes, text, "fixes");
    assert_eq!(
        fixes.span.slice(text),
        "the council’s “fixes” (all three of them) for arriving too late",
        "{fixes:#?}"
    );
    assert_eq!(speaker(fixes), Some("Ben Ortega"), "{fixes:#?}");
    // A name inside the subject's phrase has no verb after it ("This Ortega campaign ad"),
    // nor has a possessive before a quote.
    for term in ["real people", "open door"] {
        let q = holding(&quotes, text, term);
        assert_eq!((speaker(q), q.cue), (None, None), "{q:#?}");
    }
}
