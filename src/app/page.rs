//! The frame of one page: its heading, the document title, and where focus goes after navigating;
//! and the page for something that is not here.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::text_prop::TextProp;

use crate::app::records::Records;

thread_local! {
    /// Whether any page has been shown yet in this visit. The first one is the initial load, when
    /// focus should stay at the top of the document; every later one came from a navigation.
    static A_PAGE_WAS_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// One page of the app, with its `h1`.
///
/// Sets the document title to "{title} · Peer Study" so screen readers and browser history name
/// the page, and, when the trainee arrives here by following a link, moves focus to the heading so
/// a screen reader announces the new page instead of staying silent on the old link.
#[component]
pub fn Page(
    /// The page's heading, also used in the document title. A fixed text, or a closure for a page
    /// named after something the trainee can rename (a module).
    #[prop(into)]
    title: TextProp,
    /// What the page shows under its heading.
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    // Set at once (not in an effect) so the title is right as soon as the page is built.
    name_document(&untrack(|| title.get()));
    let arrived_by_navigation = A_PAGE_WAS_SHOWN.with(|shown| shown.replace(true));
    let document_title = title.clone();
    // The records finish loading once the first page is on the glass (see
    // `Records::first_screen_shown`); absent in a test of one component.
    let records = use_context::<Records>();
    // Follows a renamed page; its first run finds the title set above and leaves it be.
    Effect::new(move |_| name_document(&document_title.get()));
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            if arrived_by_navigation {
                let _ = h1.focus();
            } else if let Some(records) = records {
                records.first_screen_shown(h1.into());
            }
        }
    });
    view! {
        <h1 class="page-title" tabindex="-1" node_ref=heading>{move || title.get()}</h1>
        {children()}
    }
}

/// Names the document "{page} · Peer Study", writing the title only when it differs: writing the
/// same words again would still change the document (its `<title>` text) and tell the browser's
/// tab, for nothing, just as a page opens and the trainee may already be tapping on.
fn name_document(page: &str) {
    let wanted = format!("{page} · Peer Study");
    let document = document();
    if document.title() != wanted {
        document.set_title(&wanted);
    }
}

/// A card on a page: a section, named for screen readers by its own heading.
#[component]
pub fn Card(
    /// The heading's id; the section is labelled by it. Unique in the page.
    #[prop(into)]
    heading_id: String,
    /// The heading's words.
    title: &'static str,
    /// A class for the area's own layout, beside `card`.
    #[prop(optional)]
    class: &'static str,
    /// What the card holds under its heading.
    children: Children,
) -> impl IntoView {
    let labelled_by = heading_id.clone();
    view! {
        <section class=format!("card {class}").trim_end().to_string() aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            {children()}
        </section>
    }
}

/// The page for something the address names that isn't here (an unknown address, a deleted
/// entry): a sentence on what happened, then the ways on, one link a line.
#[component]
pub fn MissingPage(
    /// The page's heading ("Entry not found").
    title: &'static str,
    /// What happened, and why it may have, kindly.
    explanation: &'static str,
    /// The ways on, as (address, the link's words).
    ways_on: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <Page title>
            <p>{explanation}</p>
            {ways_on
                .iter()
                .map(|&(href, words)| view! { <p><a href=href>{words}</a></p> })
                .collect_view()}
        </Page>
    }
}
