//! Home: the first screen, which will answer "what should I do next?".

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::page::Page;

/// The home page. Until the course map exists it welcomes the trainee and says honestly what the
/// app does today and what is on its way.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Page title="Welcome to Peer Study">
            <p class="lead">
                "A calm place for your peer support training: your prep, your writing and the "
                "language of recovery, kept on this device and nowhere else."
            </p>
            <section class="card" aria-labelledby="home-privacy">
                <h2 id="home-privacy">"Your words stay with you"</h2>
                <p>
                    "Everything you add is stored in this browser on this device. Nothing is sent "
                    "anywhere unless you choose to export or back it up."
                </p>
            </section>
            <section class="card" aria-labelledby="home-coming">
                <h2 id="home-coming">"What is on its way"</h2>
                <p>"Peer Study is being built a piece at a time. Coming soon:"</p>
                <ul>
                    <li>"your next session and the prep still open for it, right here"</li>
                    <li>"attendance and placement tracking"</li>
                    <li>"a drafting space for your assignments that saves as you type"</li>
                    <li>"a recovery-language glossary with flashcards"</li>
                </ul>
                <p>
                    "You can already choose a light or dark look and a comfortable text size in "
                    <A href="/settings">"Settings"</A>"."
                </p>
            </section>
            // Glossary area (issue 6): flashcards ready today. One self-contained line to merge.
            <crate::app::pages::FlashcardsDue/>
        </Page>
    }
}
