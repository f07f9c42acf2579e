;; Jianbao's matcher scan (packages/core/src/matcher: matcher.ts scan, start-filter.ts filterChunk)
;; written in WebAssembly, for the matcher benchmark only: it answers whether the
;; same algorithm and tables run nearer the char-code floor without V8's checks on
;; every charCodeAt and typed-array read. Same filter hashes and bit layout, same
;; double array, same leftmost-longest rule and word-cut rules (Latin words, 委 before 员, 部 before 门, 民 after 人 …).
;;
;; Memory (byte offsets passed in): $bits the filter words (triples, then pairs at
;; word 32768: start-filter.ts), $sym symOf (u16 per code unit), $bc base/check
;; interleaved (i32 pairs), $cand room for 4096 candidate positions, $t the text
;; (u16 code units) followed by one 0 unit, $out matches as (start, end, state).
(module
  (memory (export "memory") 1)

  (func $isWord (param $c i32) (result i32)
    (i32.or
      (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30)) (i32.const 10))
      (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x61)) (i32.const 26))))

  ;; matcher.ts BEFORE_MIN: characters that make a word with a 民 after them (人民, 居民, 村民 …).
  (func $beforeMin (param $c i32) (result i32)
    (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x4eba))
      (i32.eq (local.get $c) (i32.const 0x5c45)))
      (i32.eq (local.get $c) (i32.const 0x6751)))
      (i32.eq (local.get $c) (i32.const 0x519c)))
      (i32.eq (local.get $c) (i32.const 0x5e02)))
      (i32.eq (local.get $c) (i32.const 0x516c)))
      (i32.eq (local.get $c) (i32.const 0x79fb)))
      (i32.eq (local.get $c) (i32.const 0x7267)))
      (i32.eq (local.get $c) (i32.const 0x6e14)))
      (i32.eq (local.get $c) (i32.const 0x519b)))
      (i32.eq (local.get $c) (i32.const 0x56fd)))
      (i32.eq (local.get $c) (i32.const 0x9009)))
      (i32.eq (local.get $c) (i32.const 0x7f51)))
      (i32.eq (local.get $c) (i32.const 0x707e)))
      (i32.eq (local.get $c) (i32.const 0x96be)))
      (i32.eq (local.get $c) (i32.const 0x5168)))
      (i32.eq (local.get $c) (i32.const 0x4e61)))
      (i32.eq (local.get $c) (i32.const 0x5e73)))
      (i32.eq (local.get $c) (i32.const 0x6b96)))
      (i32.eq (local.get $c) (i32.const 0x4e3a)))
      (i32.eq (local.get $c) (i32.const 0x60e0)))
      (i32.eq (local.get $c) (i32.const 0x4fbf)))
      (i32.eq (local.get $c) (i32.const 0x5229)))
      (i32.eq (local.get $c) (i32.const 0x4eb2)))
      (i32.eq (local.get $c) (i32.const 0x7231)))
      (i32.eq (local.get $c) (i32.const 0x6270)))
      (i32.eq (local.get $c) (i32.const 0x5bcc)))
      (i32.eq (local.get $c) (i32.const 0x8d2b)))
      (i32.eq (local.get $c) (i32.const 0x5148)))
      (i32.eq (local.get $c) (i32.const 0x80a1)))
      (i32.eq (local.get $c) (i32.const 0x85cf)))
      (i32.eq (local.get $c) (i32.const 0x6c49)))
      (i32.eq (local.get $c) (i32.const 0x56de))))

  (func $unit (param $t i32) (param $i i32) (result i32)
    (i32.load16_u (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 1)))))

  ;; matcher.ts isWordCut: a form must not cut a Latin word or number, nor 委员 after a form ending in 委, nor 部门
  ;; after one ending in 部, nor start 民 right after a character that makes a word with it (村民建立).
  (func $cut (param $t i32) (param $n i32) (param $start i32) (param $end i32) (result i32)
    (if (i32.and (i32.gt_s (local.get $start) (i32.const 0))
                 (i32.and (call $isWord (call $unit (local.get $t) (local.get $start)))
                          (call $isWord (call $unit (local.get $t) (i32.sub (local.get $start) (i32.const 1))))))
      (then (return (i32.const 1))))
    (if (i32.and (i32.gt_s (local.get $start) (i32.const 0))
                 (i32.and (i32.eq (call $unit (local.get $t) (local.get $start)) (i32.const 0x6c11))
                          (call $beforeMin (call $unit (local.get $t) (i32.sub (local.get $start) (i32.const 1))))))
      (then (return (i32.const 1))))
    (if (i32.ge_s (local.get $end) (local.get $n)) (then (return (i32.const 0))))
    (if (i32.and (call $isWord (call $unit (local.get $t) (i32.sub (local.get $end) (i32.const 1))))
                 (call $isWord (call $unit (local.get $t) (local.get $end))))
      (then (return (i32.const 1))))
    (i32.or
      (i32.and (i32.eq (call $unit (local.get $t) (i32.sub (local.get $end) (i32.const 1))) (i32.const 0x59d4))
               (i32.eq (call $unit (local.get $t) (local.get $end)) (i32.const 0x5458)))
      (i32.and (i32.eq (call $unit (local.get $t) (i32.sub (local.get $end) (i32.const 1))) (i32.const 0x90e8))
               (i32.eq (call $unit (local.get $t) (local.get $end)) (i32.const 0x95e8)))))

  ;; Writes to $cand the starts in [$from, $stop) that pass the start test; returns how many.
  ;; Branch-free, as filterChunk. Reads units up to $stop + 1 (the sentinel at most).
  (func $filter (export "filter") (param $t i32) (param $from i32) (param $stop i32) (param $bits i32) (param $cand i32) (result i32)
    (local $i i32) (local $pair i32) (local $c i32) (local $x i32) (local $y i32) (local $w i32) (local $hp i32) (local $k i32)
    (local.set $k (local.get $cand))
    (local.set $i (local.get $from))
    (local.set $pair (i32.or (i32.shl (call $unit (local.get $t) (local.get $i)) (i32.const 16))
                             (call $unit (local.get $t) (i32.add (local.get $i) (i32.const 1)))))
    (block $done
      (loop $pos
        (br_if $done (i32.ge_s (local.get $i) (local.get $stop)))
        (local.set $c (i32.load16_u offset=4 (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 1)))))
        (local.set $x (i32.mul (local.get $pair) (i32.const 0x9e3779b1)))
        (local.set $hp (i32.shr_u (local.get $x) (i32.const 14)))
        (local.set $y (i32.xor (local.get $x) (i32.mul (local.get $c) (i32.const 0x85ebca77))))
        (local.set $w (i32.load (i32.add (local.get $bits) (i32.shl (i32.shr_u (local.get $y) (i32.const 17)) (i32.const 2)))))
        (i32.store (local.get $k) (local.get $i))
        (local.set $k (i32.add (local.get $k) (i32.shl
          (i32.and
            (i32.or
              (i32.shr_s (i32.load (i32.add (local.get $bits) (i32.shl (i32.add (i32.shr_s (local.get $hp) (i32.const 5)) (i32.const 32768)) (i32.const 2))))
                         (local.get $hp))
              (i32.and (i32.shr_s (local.get $w) (i32.shr_u (local.get $y) (i32.const 12)))
                       (i32.shr_s (local.get $w) (local.get $y))))
            (i32.const 1))
          (i32.const 2))))
        (local.set $pair (i32.or (i32.shl (local.get $pair) (i32.const 16)) (local.get $c)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $pos)))
    (i32.shr_u (i32.sub (local.get $k) (local.get $cand)) (i32.const 2)))

  ;; (Hot loads are written out, not calls to $unit: V8 in Node 20 did not inline them, 30 → 20 ms.)
  ;; The whole scan over $n units at $t; returns the number of matches written to $out.
  (func (export "scan") (param $t i32) (param $n i32) (param $bits i32) (param $sym i32) (param $bc i32) (param $cand i32) (param $out i32) (result i32)
    (local $from i32) (local $stop i32) (local $k i32) (local $q i32) (local $start i32) (local $next i32) (local $count i32)
    (local $s i32) (local $j i32) (local $me i32) (local $ms i32) (local $pe i32) (local $ps i32) (local $sy i32) (local $tt i32) (local $o i32)
    (if (i32.lt_s (local.get $n) (i32.const 2)) (then (return (i32.const 0))))
    (block $chunks
      (loop $chunk
        (br_if $chunks (i32.ge_s (local.get $from) (i32.sub (local.get $n) (i32.const 1))))
        (local.set $stop (i32.add (local.get $from) (i32.const 4096)))
        (if (i32.gt_s (local.get $stop) (i32.sub (local.get $n) (i32.const 1)))
          (then (local.set $stop (i32.sub (local.get $n) (i32.const 1)))))
        (local.set $k (call $filter (local.get $t) (local.get $from) (local.get $stop) (local.get $bits) (local.get $cand)))
        (local.set $q (i32.const 0))
        (block $cands
          (loop $each
            (br_if $cands (i32.ge_s (local.get $q) (local.get $k)))
            (local.set $start (i32.load (i32.add (local.get $cand) (i32.shl (local.get $q) (i32.const 2)))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br_if $each (i32.lt_s (local.get $start) (local.get $next)))
            (local.set $s (i32.const 0))
            (local.set $j (local.get $start))
            (local.set $me (i32.const -1))
            (local.set $pe (i32.const -1))
            (block $walked
              (loop $walk
                (br_if $walked (i32.ge_s (local.get $j) (local.get $n)))
                (local.set $sy (i32.load16_u (i32.add (local.get $sym) (i32.shl (i32.load16_u (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 1)))) (i32.const 1)))))
                (br_if $walked (i32.eqz (local.get $sy)))
                (local.set $tt (i32.add (i32.and (i32.load (i32.add (local.get $bc) (i32.shl (local.get $s) (i32.const 3)))) (i32.const 0x3fffffff))
                                        (local.get $sy)))
                (br_if $walked (i32.ne (i32.load offset=4 (i32.add (local.get $bc) (i32.shl (local.get $tt) (i32.const 3)))) (local.get $s)))
                (local.set $s (local.get $tt))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (if (i32.and (i32.load (i32.add (local.get $bc) (i32.shl (local.get $s) (i32.const 3)))) (i32.const 0x40000000))
                  (then (local.set $pe (local.get $me)) (local.set $ps (local.get $ms)) (local.set $me (local.get $j)) (local.set $ms (local.get $s))))
                (br $walk)))
            (br_if $each (i32.lt_s (local.get $me) (i32.const 0)))
            ;; The longest would cut a word: the next-longest form, if it does not.
            (if (call $cut (local.get $t) (local.get $n) (local.get $start) (local.get $me))
              (then
                (br_if $each (i32.lt_s (local.get $pe) (i32.const 0)))
                (br_if $each (call $cut (local.get $t) (local.get $n) (local.get $start) (local.get $pe)))
                (local.set $me (local.get $pe))
                (local.set $ms (local.get $ps))))
            (local.set $o (i32.add (local.get $out) (i32.mul (local.get $count) (i32.const 12))))
            (i32.store (local.get $o) (local.get $start))
            (i32.store offset=4 (local.get $o) (local.get $me))
            (i32.store offset=8 (local.get $o) (local.get $ms))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $next (local.get $me))
            (br $each)))
        (local.set $from (local.get $stop))
        (br $chunk)))
    (local.get $count))
)
