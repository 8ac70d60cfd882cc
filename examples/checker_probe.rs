fn main() {
    for text in std::env::args().skip(1) {
        println!("{text}");
        for f in peer_study::domain::language_check::check_language(&text) {
            println!(
                "  {:?} [{}] slot {:?} one-tap {:?} ideas {:?}",
                f.matched, f.entry_id, f.slot, f.suggestions, f.ideas
            );
        }
    }
}
