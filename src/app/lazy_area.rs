//! The areas of the app that load when they are first opened.
//!
//! A release build is split (see docs/build.md, "Splitting by area"): the main module holds the
//! frame, the records, the lock's state and the top of the home page; each area (the course,
//! writing, the glossary, my data, settings) is a piece of its own, fetched the first time the
//! trainee opens it, and so are the home page's lower cards and the notices about this device,
//! fetched just after the page is on show; the lock screen and "Lock now", fetched only on a
//! device where the passcode lock is on; and the banners (a new version, storage trouble, a
//! change made in two tabs), fetched only when one has something to say. The service worker then
//! keeps every piece for offline use. Every page of an area is reached through a split
//! point here, and nowhere else, so its code lands in that area's piece.
//!
//! The split points are Leptos's `wasm_split` with the `fallible` option: a piece that cannot be
//! fetched (the network went before the worker had it) comes back as an error, which
//! [`LazyPage`] turns into a kind page with "Try again", never a panic. Leptos's own `LazyRoute`
//! uses the infallible form, which panics, and that leaves the app dead until a reload.
//!
//! The `split` cargo feature turns the split points on, and only the release step
//! (`scripts/split-build.sh`) builds with it: an unsplit build with split points would import a
//! placeholder module no loader provides. Without the feature (`make dev`, every test build), a
//! page "loads" at once and the app is one module, as before.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;
pub use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::lock::lock_now::LockNowButton;
use crate::app::lock::lock_screen::{LockScreen, LOCKED_TITLE};
use crate::app::notices::DeviceNotices;
use crate::app::page::{Card, Page};
use crate::app::pages::{
    AssignmentsPage, AttendancePage, CareersPage, CoursePage, EditOwnEntryPage, EditorPage,
    FlashcardsPage, FurtherReadingPage, GlossaryEntryPage, GlossaryPage, HomeCards, JournalPage,
    ModulePage, MyDataPage, NewOwnEntryPage, SchedulePage, SettingsPage,
};
use crate::app::storage_banners::StorageBanners;
use crate::app::update_banner::UpdateOffer;

/// Builds one page. A plain `fn` (not a closure) so that it can be handed from an area's piece to
/// the main module, and called later in the route's own reactive scope.
pub type BuildPage = fn() -> AnyView;

/// Fetches a page's area if it is not here yet, then gives the way to build the page.
pub type LoadPage = fn() -> Pin<Box<dyn Future<Output = Result<BuildPage, SplitLoaderError>>>>;

/// Declares, for each page, a loader whose split point puts the page's code in its area's piece.
///
/// The split point keeps the loader's own name (the split tool tells points apart by name and
/// place), inside the loader, which awaits it in a split build and calls it at once otherwise.
macro_rules! split_pages {
    ($($area:ident: $($loader:ident => $page:ident),+ $(,)?;)+) => { $($(
        #[doc = concat!("Loads the `", stringify!($area), "` area and gives the way to build [`", stringify!($page), "`].")]
        pub fn $loader() -> Pin<Box<dyn Future<Output = Result<BuildPage, SplitLoaderError>>>> {
            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split($area, wasm_split_path = ::leptos::wasm_split, fallible)
            )]
            fn $loader() -> Result<BuildPage, SplitLoaderError> {
                Ok(|| view! { <$page/> }.into_any())
            }
            #[cfg(feature = "split")]
            return Box::pin($loader());
            #[cfg(not(feature = "split"))]
            return Box::pin(std::future::ready($loader()));
        }
    )+)+ };
}

split_pages! {
    course:
        course_page => CoursePage,
        schedule_page => SchedulePage,
        attendance_page => AttendancePage,
        journal_page => JournalPage,
        further_reading_page => FurtherReadingPage,
        careers_page => CareersPage,
        module_page => ModulePage;
    writing:
        assignments_page => AssignmentsPage,
        editor_page => EditorPage;
    glossary:
        glossary_page => GlossaryPage,
        new_own_entry_page => NewOwnEntryPage,
        flashcards_page => FlashcardsPage,
        edit_own_entry_page => EditOwnEntryPage,
        glossary_entry_page => GlossaryEntryPage;
    my_data:
        my_data_page => MyDataPage;
    settings:
        settings_page => SettingsPage;
    home_cards:
        home_cards => HomeCards,
        device_notices => DeviceNotices;
    lock:
        lock_screen => LockScreen,
        lock_now_button => LockNowButton;
    banners:
        update_offer => UpdateOffer,
        storage_banners => StorageBanners;
}

thread_local! {
    /// Pages whose area has loaded, by loader, so that opening one again builds it at once
    /// instead of showing "Opening…" for a moment while an already-loaded piece is looked up.
    static LOADED: RefCell<HashMap<usize, BuildPage>> = RefCell::new(HashMap::new());
}

/// Where one page's area is: being fetched, here, or not reachable just now.
#[derive(Clone, Copy)]
enum Arrival {
    Opening,
    Ready(BuildPage),
    Unreachable,
}

/// Starts fetching `load`'s piece unless it is here already; gives where it is, and a way to fetch
/// it again after a failure.
///
/// The first fetch starts on the browser's next turn, after what asked for it has been shown:
/// asking for a piece starts one `fetch()` per file of it, and each call holds the main thread a
/// little while (30 of them took 11-34 ms here, before the shared chunks were joined into a few
/// files: scripts/chunk-groups.mjs). Asked at once, home's lower cards made a tap on
/// the first screen wait behind them, and an area's own files held back its "Opening…" (and the
/// new address) until they were all asked for. "Try again" fetches at once: nothing else waits.
fn arrive(load: LoadPage) -> (RwSignal<Arrival>, impl Fn() + Copy + Send + Sync + 'static) {
    let key = load as usize;
    let arrival = RwSignal::new(
        match LOADED.with(|loaded| loaded.borrow().get(&key).copied()) {
            Some(build) => Arrival::Ready(build),
            None => Arrival::Opening,
        },
    );
    let start = move |after_a_turn: bool| {
        arrival.set(Arrival::Opening);
        spawn_local(async move {
            if after_a_turn {
                let _ = JsFuture::from(next_turn()).await;
            }
            let next = match fetch_piece(load).await {
                Some(build) => Arrival::Ready(build),
                None => Arrival::Unreachable,
            };
            // The trainee may have moved on while it was fetched.
            let _ = arrival.try_set(next);
        });
    };
    let fetch = move || start(false);
    if matches!(arrival.get_untracked(), Arrival::Opening) {
        // Unsplit (make dev, every test build), a page is here at once: build it now rather than
        // after a turn of the event loop, as a page that is simply part of the app would.
        #[cfg(not(feature = "split"))]
        if let Some(Ok(build)) = here_at_once(load) {
            LOADED.with(|loaded| loaded.borrow_mut().insert(key, build));
            arrival.set(Arrival::Ready(build));
            return (arrival, fetch);
        }
        start(true);
    }
    (arrival, fetch)
}

/// Fetches `load`'s piece and the later stylesheet, both at once, and keeps the page's builder
/// once both are here; `None` if either could not be fetched (the stylesheet is then asked for
/// afresh next time).
async fn fetch_piece(load: LoadPage) -> Option<BuildPage> {
    // The later styles are asked for first, and awaited after the piece.
    let styles = JsFuture::from(later_styles());
    let piece = load().await;
    let styled = styles.await.is_ok();
    if !styled {
        LATER_STYLES.with(|slot| slot.borrow_mut().take());
    }
    let build = piece.ok().filter(|_| styled)?;
    LOADED.with(|loaded| loaded.borrow_mut().insert(load as usize, build));
    Some(build)
}

/// Starts fetching the area of `load`'s page before the page is asked for: when a finger or a
/// pointer goes down on a link to it, or the link takes the keyboard's focus. A tap's click comes
/// only when the finger lifts, a tenth of a second or so later, and by then the piece is on its
/// way (after the first visit the service worker has it; what is left is compiling and linking
/// it). Nothing is shown here: the page, once opened, finds its area loaded or already coming,
/// and a failure is left for the page itself to find, and say so, when it asks.
pub fn get_ready(load: LoadPage) {
    if LOADED.with(|loaded| loaded.borrow().contains_key(&(load as usize))) {
        return;
    }
    // A second call while the first is on its way (a finger down, then the link's focus) costs
    // nothing more: the loader and the later styles are each asked for once, and wait together.
    spawn_local(async move {
        let _ = fetch_piece(load).await;
    });
}

/// A promise that settles on the browser's next turn (a zero-delay timer): by then what was
/// rendered can be painted, and input that arrived meanwhile has been handled.
fn next_turn() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    })
}

thread_local! {
    /// The later stylesheet on its way or here, shared by every piece that waits for it; empty
    /// again after a failure, so that "Try again" asks for it again.
    static LATER_STYLES: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Puts the later stylesheet in the page, the first time a piece is fetched, and gives a promise
/// that settles once it has loaded (or failed to). These are the styles only some areas use
/// (the glossary's and writing's): a release build keeps their `<link>` in
/// `<template id="later-styles">` so that the first screen doesn't wait for them (see
/// scripts/post-build.mjs). Elsewhere (make dev, tests) every stylesheet is in the page already,
/// and the promise is settled from the start.
fn later_styles() -> js_sys::Promise {
    LATER_STYLES.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                let document = document();
                let link = document
                    .get_element_by_id("later-styles")
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTemplateElement>().ok())
                    .and_then(|t| t.content().first_element_child())
                    .and_then(|link| link.clone_node().ok());
                let head = document.query_selector("head").ok().flatten();
                let (Some(link), Some(head)) = (link, head) else {
                    return js_sys::Promise::resolve(&JsValue::UNDEFINED);
                };
                let loaded = js_sys::Promise::new(&mut |resolve, reject| {
                    let _ = link.add_event_listener_with_callback("load", &resolve);
                    let _ = link.add_event_listener_with_callback("error", &reject);
                });
                match head.append_child(&link) {
                    Ok(_) => loaded,
                    Err(e) => js_sys::Promise::reject(&e),
                }
            })
            .clone()
    })
}

/// The loader's answer if it has one without waiting, as every loader has in an unsplit build.
#[cfg(not(feature = "split"))]
fn here_at_once(load: LoadPage) -> Option<Result<BuildPage, SplitLoaderError>> {
    use std::task::{Context, Poll, Waker};
    match load()
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(answer) => Some(answer),
        Poll::Pending => None,
    }
}

/// One page of an area that loads when first opened: "Opening…" while its piece is fetched, then
/// the page; or, if the piece can't be fetched, a kind page that says so, with "Try again".
#[component]
pub fn LazyPage(
    /// The page's loader, from this module (`glossary_page`, …).
    load: LoadPage,
) -> impl IntoView {
    let (arrival, fetch) = arrive(load);
    move || match arrival.get() {
        Arrival::Ready(build) => build(),
        Arrival::Opening => view! {
            <p class="opening" role="status">"Opening…"</p>
        }
        .into_any(),
        Arrival::Unreachable => view! {
            <Page title="This part hasn't downloaded yet">
                <Unreachable retry=fetch/>
            </Page>
        }
        .into_any(),
    }
}

/// Part of a page that loads after the rest (the home page's cards below the fold, a banner):
/// nothing while its piece is fetched, so the page around it is already in use; then the part;
/// or, if the piece can't be fetched, a card that says so, with "Try again" (or nothing, if
/// `quiet`).
#[component]
pub fn LazyPart(
    /// The part's loader, from this module (`home_cards`).
    load: LoadPage,
    /// Show nothing if the piece can't be fetched: for a part that is an extra (the notices about
    /// this device, "Lock now") beside another that already says so, or where a card would not fit.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    let (arrival, fetch) = arrive(load);
    // Two parts of one page can fail at once (a banner and home's cards, offline before the
    // service worker kept their pieces): each card needs its own heading id to be named by.
    let heading_id = format!("part-unreachable-{}", load as usize);
    move || match arrival.get() {
        Arrival::Ready(build) => build(),
        Arrival::Opening => ().into_any(),
        Arrival::Unreachable if quiet => ().into_any(),
        Arrival::Unreachable => view! {
            <Card heading_id=heading_id.clone() title="Some of this page hasn't downloaded yet">
                <Unreachable retry=fetch/>
            </Card>
        }
        .into_any(),
    }
}

/// The lock screen, which only a device with the passcode lock on ever needs, so it loads as a
/// piece of its own: "Opening…" while it is fetched, then the screen; or, if it can't be fetched,
/// a kind page that says so, with "Try again". The service worker keeps every piece from the first
/// visit on, and the lock can only be turned on after that, so this is very rarely seen.
#[component]
pub fn LazyLockScreen() -> impl IntoView {
    let (arrival, fetch) = arrive(lock_screen);
    move || match arrival.get() {
        Arrival::Ready(build) => build(),
        Arrival::Opening => {
            document().set_title(LOCKED_TITLE);
            view! {
                <main id="main" class="page lock-screen">
                    <p class="opening" role="status">"Opening…"</p>
                </main>
            }
            .into_any()
        }
        // Outside the router, and with nothing to show behind the lock: no link home.
        Arrival::Unreachable => view! {
            <main id="main" class="page lock-screen">
                <Page title="The lock screen hasn't downloaded yet">
                    <Unreachable retry=fetch home_link=false/>
                </Page>
            </main>
        }
        .into_any(),
    }
}

/// What the trainee reads when a part of the app has not reached this device and can't be fetched
/// now: what happened, that their work is safe, and a way to try again.
#[component]
fn Unreachable(
    /// Fetches the piece again.
    retry: impl Fn() + Copy + Send + Sync + 'static,
    /// Whether to offer the home page as well (not on the lock screen, which stands in for it).
    #[prop(default = true)]
    home_link: bool,
) -> impl IntoView {
    view! {
        <p>
            "This part of Peer Study hasn't reached your device yet, and it couldn't be "
            "fetched just now. You may be offline, or the connection may have dropped."
        </p>
        <p>"Everything you've written is safe. Once you're connected, try again."</p>
        <div class="button-row">
            <button type="button" class="button primary" on:click=move |_| retry()>
                "Try again"
            </button>
            {home_link.then(|| view! { <a href="/">"Go to the home page"</a> })}
        </div>
    }
}

/// A route's view for a page that loads with its area: `view=lazy(lazy_area::glossary_page)`.
pub fn lazy(load: LoadPage) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || view! { <LazyPage load/> }.into_any()
}
