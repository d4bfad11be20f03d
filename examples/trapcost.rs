use std::time::Instant;
fn main() {
    let (cat, _) = hotseat::traps::load(None);
    for t in &cat.traps {
        let t0 = Instant::now();
        let mut n = 0;
        for d in &t.detect {
            let _m = hotseat::rules::Matcher::compile(&d.when).unwrap();
            n += 1;
        }
        println!("{:>8.1} ms  {:>2} rules  {}", t0.elapsed().as_secs_f64() * 1e3, n, t.id);
    }
}
