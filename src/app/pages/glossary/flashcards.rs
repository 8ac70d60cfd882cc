//! The flashcards page (`/glossary/flashcards`): choose a deck, see what is ready today, and study
//! card by card: the term, then "Show the meaning", then "I knew it" or "Not yet".
//!
//! Scheduling is the domain's Leitner boxes ([`crate::domain::flashcards`]); progress and the
//! chosen deck are kept in the `"flashcards"` record.

use leptos::prelude::*;

use super::flashcards_due::{ready_message, use_due_summary};
use super::search::InsteadOfTry;
use super::{use_flashcards, use_glossary};
use crate::app::clock::today;
use crate::app::form::{focus_node, Checkbox};
use crate::app::page::Page;
use crate::domain::flashcards::{deck_ids, DeckChoice, ReviewOutcome, BOX_INTERVAL_DAYS};
use crate::domain::glossary::TraineeGlossary;

/// The most new cards one sitting brings in, so a first session is a few minutes, not an hour.
const NEW_PER_SESSION: usize = 10;

/// One sitting: the cards chosen when it started, and where the trainee is.
#[derive(Debug, Clone, PartialEq)]
struct Session {
    queue: Vec<String>,
    position: usize,
    revealed: bool,
    knew: usize,
    not_yet: usize,
}

/// The page.
#[component]
pub fn FlashcardsPage() -> impl IntoView {
    let glossary = use_glossary();
    let progress = use_flashcards();
    let summary = use_due_summary();
    let today = today();
    let session = RwSignal::new(None::<Session>);
    let card_heading = NodeRef::<leptos::html::H2>::new();
    let meaning = NodeRef::<leptos::html::Div>::new();
    let done_heading = NodeRef::<leptos::html::H2>::new();
    let start_button = NodeRef::<leptos::html::Button>::new();

    let queue_now = move || {
        glossary.with_untracked(|g| {
            progress.with_untracked(|p| {
                let deck = deck_ids(g, &p.deck);
                p.study_queue(&deck, today, NEW_PER_SESSION)
            })
        })
    };
    let start = move |_| {
        let queue = queue_now();
        if queue.is_empty() {
            return;
        }
        session.set(Some(Session {
            queue,
            position: 0,
            revealed: false,
            knew: 0,
            not_yet: 0,
        }));
        focus_node(card_heading);
    };
    let reveal = move |_| {
        session.update(|s| {
            if let Some(s) = s {
                s.revealed = true;
            }
        });
        focus_node(meaning);
    };
    let answer = move |outcome: ReviewOutcome| {
        let Some(current) = session.get_untracked() else {
            return;
        };
        let Some(id) = current.queue.get(current.position).cloned() else {
            return;
        };
        progress.update(|p| {
            p.review(&id, outcome, today);
        });
        let mut next = current;
        match outcome {
            ReviewOutcome::KnewIt => next.knew += 1,
            ReviewOutcome::NotYet => next.not_yet += 1,
        }
        next.position += 1;
        next.revealed = false;
        let finished = next.position >= next.queue.len();
        session.set(Some(next));
        if finished {
            focus_node(done_heading);
        } else {
            focus_node(card_heading);
        }
    };
    let finish = move |_| {
        session.set(None);
        focus_node(start_button);
    };

    let set_deck = move |deck: DeckChoice| {
        session.set(None);
        progress.update(|p| p.deck = deck);
    };
    let deck_kind = move || match progress.read().deck {
        DeckChoice::All => "all",
        DeckChoice::Favourites => "favourites",
        DeckChoice::Categories(_) => "categories",
    };

    let deck_radio = move |value: &'static str, label: &'static str, choice: DeckChoice| {
        let id = format!("deck-{value}");
        view! {
            <div class="choice">
                <input
                    type="radio"
                    name="deck"
                    id=id.clone()
                    value=value
                    prop:checked=move || deck_kind() == value
                    on:change=move |_| set_deck(choice.clone())
                />
                <label for=id>{label}</label>
            </div>
        }
    };

    let category_boxes = move || {
        let DeckChoice::Categories(chosen) = progress.read().deck.clone() else {
            return None;
        };
        let boxes = glossary
            .with(TraineeGlossary::categories)
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let checked = chosen.contains(&name);
                let toggled = name.clone();
                let toggle = Callback::new(move |on: bool| {
                    let name = toggled.clone();
                    session.set(None);
                    progress.update(|p| {
                        if let DeckChoice::Categories(list) = &mut p.deck {
                            list.retain(|c| *c != name);
                            if on {
                                list.push(name);
                            }
                        }
                    });
                });
                view! {
                    <Checkbox id=format!("deck-category-{i}") label=name checked on_change=toggle/>
                }
            })
            .collect_view();
        Some(view! {
            <fieldset class="deck-categories">
                <legend>"Categories to study"</legend>
                {boxes}
            </fieldset>
        })
    };

    let counts = move || {
        let (s, size) = summary.get();
        let no_favourites = matches!(progress.read().deck, DeckChoice::Favourites)
            && glossary.with(|g| g.favourites.is_empty());
        let no_categories =
            matches!(&progress.read().deck, DeckChoice::Categories(c) if c.is_empty());
        if no_favourites {
            "You haven't chosen any favourites yet. Open a glossary entry and press Favourite \
             to add it to this deck."
                .to_string()
        } else if no_categories {
            "Choose one or more categories below to make your deck.".to_string()
        } else {
            ready_message(s, size)
        }
    };

    let study_area = move || match session.get() {
        None => {
            let ready = summary.with(|(s, _)| s.total() > 0);
            ready
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button primary"
                            node_ref=start_button
                            on:click=start
                        >
                            "Start studying"
                        </button>
                    }
                })
                .into_any()
        }
        Some(s) if s.position >= s.queue.len() => {
            let seen = s.queue.len();
            let cards = if seen == 1 { "card" } else { "cards" };
            let more = summary.with(|(s, _)| s.total() > 0);
            view! {
                <section class="card flashcard" aria-labelledby="flashcards-done">
                    <h2 id="flashcards-done" tabindex="-1" node_ref=done_heading>
                        "Nicely done"
                    </h2>
                    <p>
                        {format!(
                            "You went through {seen} {cards}: {} you knew and {} to see again.",
                            s.knew,
                            s.not_yet,
                        )}
                    </p>
                    <div class="actions flashcard-actions">
                        {more
                            .then(|| {
                                view! {
                                    <button type="button" class="button primary" on:click=start>
                                        "Study more"
                                    </button>
                                }
                            })}
                        <button type="button" class="button" on:click=finish>
                            "Finish"
                        </button>
                    </div>
                </section>
            }
            .into_any()
        }
        Some(s) => {
            let id = &s.queue[s.position];
            let Some(entry) = glossary.with_untracked(|g| g.entry(id).cloned()) else {
                // The entry was deleted during the sitting: move on without it.
                session.update(|s| {
                    if let Some(s) = s {
                        s.position += 1;
                    }
                });
                return ().into_any();
            };
            let place = format!("Card {} of {}", s.position + 1, s.queue.len());
            let phrases = entry.instead_of_phrases();
            let back = s.revealed.then(|| {
                let pair = (!phrases.is_empty()).then(|| {
                    view! {
                        <InsteadOfTry phrases=phrases suggestions=entry.suggestions.clone()/>
                    }
                });
                view! {
                    <div class="flashcard-meaning" tabindex="-1" node_ref=meaning>
                        <p>{entry.explanation.clone()}</p>
                        {(!entry.example.is_empty())
                            .then(|| {
                                view! {
                                    <p class="flashcard-example">
                                        <span class="gl-label">"Example: "</span>
                                        {entry.example.clone()}
                                    </p>
                                }
                            })}
                        {pair}
                    </div>
                    <div class="actions flashcard-actions flashcard-answers" role="group" aria-label="Did you know it?">
                        <p class="flashcard-ask">"Did you know it?"</p>
                        <button
                            type="button"
                            class="button primary"
                            on:click=move |_| answer(ReviewOutcome::KnewIt)
                        >
                            "I knew it"
                        </button>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| answer(ReviewOutcome::NotYet)
                        >
                            "Not yet"
                        </button>
                    </div>
                }
            });
            let front = (!s.revealed).then(|| {
                view! {
                    <button type="button" class="button primary" on:click=reveal>
                        "Show the meaning"
                    </button>
                }
            });
            view! {
                <section class="card flashcard" aria-labelledby="flashcard-term">
                    <p class="flashcard-place">{place}</p>
                    <h2 id="flashcard-term" tabindex="-1" node_ref=card_heading>
                        {entry.term.clone()}
                    </h2>
                    <p class="entry-category">{entry.category.clone()}</p>
                    {front}
                    {back}
                    <p>
                        <button type="button" class="link-button" on:click=finish>
                            "Finish for now"
                        </button>
                    </p>
                </section>
            }
            .into_any()
        }
    };

    let intervals = BOX_INTERVAL_DAYS
        .iter()
        .enumerate()
        .map(|(i, days)| {
            let when = match days {
                0 => "the same day".to_string(),
                1 => "the next day".to_string(),
                7 => "a week later".to_string(),
                14 => "two weeks later".to_string(),
                n => format!("{n} days later"),
            };
            view! { <li>{format!("Box {}: back {when}", i + 1)}</li> }
        })
        .collect_view();

    view! {
        <Page title="Flashcards">
            // While studying, the card comes first: the introduction and the deck choice step
            // aside so the card and its answers fit above a phone's bottom bar.
            <p class="lead" hidden=move || session.with(Option::is_some)>
                "A few minutes at a time helps the words become your own. Cards you know come "
                "back less often; cards you're still learning come back sooner."
            </p>
            <form
                class="deck-form"
                hidden=move || session.with(Option::is_some)
                on:submit=|ev| ev.prevent_default()
            >
                <fieldset>
                    <legend>"Which cards"</legend>
                    {deck_radio("all", "The whole glossary", DeckChoice::All)}
                    {deck_radio("favourites", "My favourites", DeckChoice::Favourites)}
                    {deck_radio("categories", "Chosen categories", DeckChoice::Categories(Vec::new()))}
                </fieldset>
                {category_boxes}
            </form>
            <p class="status flashcard-counts" role="status">{counts}</p>
            <div class="study-area">{study_area}</div>
            <section class="how-it-works" aria-labelledby="flashcards-how">
                <h2 id="flashcards-how">"How this works"</h2>
                <p>
                    "Cards are scheduled with Leitner boxes. Each card sits in one of five boxes. "
                    "“I knew it” moves it up a box, and “Not yet” puts it back in box 1. "
                    "The higher the box, the longer until you see the card again:"
                </p>
                <ul>{intervals}</ul>
                <p>
                    "New cards come in up to " {NEW_PER_SESSION} " at a sitting. Your progress "
                    "stays on this device."
                </p>
            </section>
            <p><a href="/glossary">"Back to the glossary"</a></p>
        </Page>
    }
}
