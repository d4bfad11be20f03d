use std::time::Instant;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(&p).unwrap();
    let t = Instant::now();
    let sc: hotseat::scenario::Scenario = hotseat::scenario::load::ron_options().from_str(&src).unwrap();
    println!("ron {:?}", t.elapsed());
    let t = Instant::now();
    let root = hotseat::scenario::spans::scan(&src);
    println!("scan {:?} {}", t.elapsed(), root.is_some());
    let t = Instant::now();
    let (cat, _) = hotseat::traps::load(None);
    let c = hotseat::scenario::load::check_bytes("x", src.as_bytes(), &cat);
    println!("all {:?} {}", t.elapsed(), c.errors());
    drop(sc);
}
