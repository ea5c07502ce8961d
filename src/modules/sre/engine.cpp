// The _sre matching engine: a backtracking interpreter over the code list re._compiler emits.
// Every choice point is a frame on an explicit stack (no C++ recursion), so long subjects and
// deep repetitions only grow heap vectors. A child frame matches the REST of the pattern from
// its start (continuation style): its success is the whole match's success.
#include <algorithm>

#include "modules/sre/sre_internal.h"
#include "runtime/errors.h"

namespace krait::modules::sre {

namespace {

// Where a frame continues when its child returns.
enum Resume : uint8_t {
  R_NONE, R_BRANCH, R_REPEAT_ONE_1, R_REPEAT_ONE_2, R_MIN_REPEAT_ONE, R_REPEAT, R_MAX_UNTIL_1,
  R_MAX_UNTIL_2, R_MAX_UNTIL_3, R_MIN_UNTIL_1, R_MIN_UNTIL_2, R_MIN_UNTIL_3, R_ASSERT,
  R_ASSERT_NOT, R_ATOMIC, R_POSS_1, R_POSS_2
};

struct Frame {
  uint32_t pc;          // the opcode this frame is at
  uint32_t alt;         // BRANCH: the current alternative
  int64_t ptr;
  int64_t count;
  int lastmark, lastindex;  // saved by the choice points
  size_t mark_base;         // saved marks on the mark stack start here
  int rep;                  // REPEAT / UNTIL: the repeat record
  int64_t saved_last_ptr;
  bool pushed;              // marks saved on the mark stack
  bool toplevel;
  Resume resume;
};

// A REPEAT's record while its body may run: the count of bodies matched so far.
struct Repeat {
  int64_t count;
  uint32_t pc;       // the REPEAT's argument words: skip, min, max, body...
  int prev;
  int64_t last_ptr;  // where the last body started (stops empty-body loops)
};

// The engine's stacks, kept between runs (a run never calls Python code, so runs do not nest).
struct Stacks {
  std::vector<Frame> frames;
  std::vector<Repeat> reps;
  std::vector<int64_t> saves;
};
thread_local Stacks stacks;

template <class C>
class Engine {
 public:
  Engine(MatchState& st) : st_(st), code_(st.code), s_(static_cast<const C*>(st.subject.data)), end_(st.end) {}

  int match_at(uint32_t pc, int64_t ptr) {
    frames_.clear();
    reps_.clear();
    saves_.clear();
    repeat_ = -1;
    st_.lastmark = -1;
    st_.lastindex = -1;
    return run(pc, ptr);
  }

  bool in_set(uint32_t pc, uint32_t c) const { return charset(pc, c); }

 private:
  MatchState& st_;
  const uint32_t* code_;
  const C* s_;
  int64_t end_;
  int64_t sptr_ = 0;  // the global "current position" a child starts at and a success returns
  int repeat_ = -1;
  std::vector<Frame>& frames_ = stacks.frames;
  std::vector<Repeat>& reps_ = stacks.reps;
  std::vector<int64_t>& saves_ = stacks.saves;

  uint32_t ch(int64_t i) const { return static_cast<uint32_t>(s_[i]); }

  bool charset(uint32_t pc, uint32_t c) const {
    bool ok = true;
    for (;;) {
      switch (code_[pc]) {
        case FAILURE: return !ok;
        case LITERAL:
          if (c == code_[pc + 1]) return ok;
          pc += 2;
          break;
        case CATEGORY:
          if (in_category(code_[pc + 1], c)) return ok;
          pc += 2;
          break;
        case CHARSET:
          if (c < 256 && (code_[pc + 1 + (c >> 5)] & (1u << (c & 31)))) return ok;
          pc += 9;
          break;
        case RANGE:
          if (code_[pc + 1] <= c && c <= code_[pc + 2]) return ok;
          pc += 3;
          break;
        case RANGE_UNI_IGNORE: {
          if (code_[pc + 1] <= c && c <= code_[pc + 2]) return ok;
          uint32_t u = upper_unicode(c);
          if (code_[pc + 1] <= u && u <= code_[pc + 2]) return ok;
          pc += 3;
          break;
        }
        case NEGATE:
          ok = !ok;
          pc += 1;
          break;
        case BIGCHARSET: {
          uint32_t count = code_[pc + 1];
          pc += 2;
          if (c < 65536) {
            uint32_t k = c >> 8;
            uint32_t block = (code_[pc + k / 4] >> (8 * (k % 4))) & 0xff;
            const uint32_t* bits = code_ + pc + 64 + block * 8;
            if (bits[(c & 255) >> 5] & (1u << (c & 31))) return ok;
          }
          pc += 64 + count * 8;
          break;
        }
        default: return false;  // not a charset item: the compiler never emits this
      }
    }
  }

  // A single-character opcode (the bodies of REPEAT_ONE and friends) against one character.
  bool one(uint32_t pc, uint32_t c) const {
    const uint32_t* p = code_ + pc;
    switch (p[0]) {
      case ANY: return c != '\n';
      case ANY_ALL: return true;
      case LITERAL: return c == p[1];
      case NOT_LITERAL: return c != p[1];
      case LITERAL_IGNORE: return lower_ascii(c) == p[1];
      case NOT_LITERAL_IGNORE: return lower_ascii(c) != p[1];
      case LITERAL_UNI_IGNORE: return lower_unicode(c) == p[1];
      case NOT_LITERAL_UNI_IGNORE: return lower_unicode(c) != p[1];
      case LITERAL_LOC_IGNORE: return c == p[1] || lower_ascii(c) == p[1] || upper_ascii(c) == p[1];
      case NOT_LITERAL_LOC_IGNORE: return !(c == p[1] || lower_ascii(c) == p[1] || upper_ascii(c) == p[1]);
      case IN: return charset(pc + 2, c);
      case IN_IGNORE: return charset(pc + 2, lower_ascii(c));
      case IN_UNI_IGNORE: return charset(pc + 2, lower_unicode(c));
      case IN_LOC_IGNORE:
        return charset(pc + 2, c) || charset(pc + 2, lower_ascii(c)) || charset(pc + 2, upper_ascii(c));
      case CATEGORY: return in_category(p[1], c);
      default: return false;
    }
  }

  // The length of a single-character opcode.
  uint32_t unit_size(uint32_t pc) const {
    switch (code_[pc]) {
      case ANY: case ANY_ALL: return 1;
      case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE: return code_[pc + 1] + 1;
      default: return 2;
    }
  }

  // How many characters from ptr the single-character body at pc matches, at most max.
  int64_t count_units(uint32_t pc, int64_t ptr, uint32_t max) const {
    int64_t limit = end_;
    if (max != kMaxRepeat && ptr + static_cast<int64_t>(max) < limit) limit = ptr + max;
    int64_t p = ptr;
    switch (code_[pc]) {
      case ANY_ALL: return limit > ptr ? limit - ptr : 0;
      case LITERAL: {
        uint32_t c = code_[pc + 1];
        while (p < limit && ch(p) == c) p++;
        break;
      }
      case ANY:
        while (p < limit && ch(p) != '\n') p++;
        break;
      case IN:
        while (p < limit && charset(pc + 2, ch(p))) p++;
        break;
      default:
        while (p < limit && one(pc, ch(p))) p++;
        break;
    }
    return p - ptr;
  }

  bool at(uint32_t code, int64_t ptr) const {
    switch (code) {
      case AT_BEGINNING: case AT_BEGINNING_STRING: return ptr == 0;
      case AT_BEGINNING_LINE: return ptr == 0 || ch(ptr - 1) == '\n';
      case AT_END: return ptr == end_ || (ptr + 1 == end_ && ch(ptr) == '\n');
      case AT_END_LINE: return ptr == end_ || ch(ptr) == '\n';
      case AT_END_STRING: return ptr == end_;
      case AT_BOUNDARY: case AT_NON_BOUNDARY: case AT_LOC_BOUNDARY: case AT_LOC_NON_BOUNDARY:
      case AT_UNI_BOUNDARY: case AT_UNI_NON_BOUNDARY: {
        if (end_ <= 0) return false;
        bool uni = code == AT_UNI_BOUNDARY || code == AT_UNI_NON_BOUNDARY;
        auto word = [&](uint32_t c) { return uni ? is_word_unicode(c) : is_word_ascii(c); };
        bool that = ptr > 0 && word(ch(ptr - 1));
        bool self = ptr < end_ && word(ch(ptr));
        bool boundary = code == AT_BOUNDARY || code == AT_LOC_BOUNDARY || code == AT_UNI_BOUNDARY;
        return boundary ? self != that : self == that;
      }
      default: return false;
    }
  }

  // --- marks ---
  void set_mark(uint32_t i, int64_t ptr) {
    if (i & 1) st_.lastindex = static_cast<int>(i / 2 + 1);
    if (static_cast<int>(i) > st_.lastmark) {
      for (int j = st_.lastmark + 1; j < static_cast<int>(i); j++) st_.marks[j] = -1;
      st_.lastmark = static_cast<int>(i);
    }
    st_.marks[i] = ptr;
  }
  void lastmark_save(Frame* f) {
    f->lastmark = st_.lastmark;
    f->lastindex = st_.lastindex;
  }
  void lastmark_restore(Frame* f) {
    st_.lastmark = f->lastmark;
    st_.lastindex = f->lastindex;
  }
  void mark_push(Frame* f) {
    f->mark_base = saves_.size();
    for (int i = 0; i <= f->lastmark; i++) saves_.push_back(st_.marks[i]);
  }
  void mark_restore(Frame* f) {
    for (int i = 0; i <= f->lastmark; i++) st_.marks[i] = saves_[f->mark_base + i];
  }
  void mark_discard(Frame* f) { saves_.resize(f->mark_base); }

  bool group_ref(uint32_t group, int64_t* ptr, int mode) {
    int64_t i = static_cast<int64_t>(group) * 2;
    if (i >= st_.lastmark) return false;
    int64_t a = st_.marks[i], b = st_.marks[i + 1];
    if (a < 0 || b < 0 || b < a) return false;
    int64_t p = *ptr;
    for (; a < b; a++, p++) {
      if (p >= end_) return false;
      uint32_t x = ch(p), y = ch(a);
      if (mode == 1) x = lower_ascii(x), y = lower_ascii(y);
      if (mode == 2) x = lower_unicode(x), y = lower_unicode(y);
      if (x != y) return false;
    }
    *ptr = p;
    return true;
  }

  bool group_set(uint32_t group) const {
    int64_t i = static_cast<int64_t>(group) * 2;
    return i < st_.lastmark && st_.marks[i] >= 0 && st_.marks[i + 1] >= 0 && st_.marks[i] <= st_.marks[i + 1];
  }

  void push_frame(uint32_t pc, int64_t ptr, bool toplevel) {
    Frame f{};
    f.pc = pc;
    f.ptr = ptr;
    f.toplevel = toplevel;
    f.resume = R_NONE;
    frames_.push_back(f);
    sptr_ = ptr;
  }

  int run(uint32_t pc0, int64_t ptr0);
};

template <class C>
int Engine<C>::run(uint32_t pc0, int64_t ptr0) {
  int ret = 0;
  Frame* f;
  uint32_t min, max;
  const uint32_t* p;
  push_frame(pc0, ptr0, true);

#define CALL(RES, PC, PTR, TOP)          \
  do {                                   \
    f->resume = RES;                     \
    push_frame((PC), (PTR), (TOP));      \
    goto next_frame;                     \
  } while (0)
#define RETURN(V) \
  do {            \
    ret = (V);    \
    goto do_return; \
  } while (0)

next_frame:
  f = &frames_.back();
dispatch:
  for (;;) {
    p = code_ + f->pc;
    switch (p[0]) {
      case FAILURE: RETURN(0);
      case SUCCESS:
        if (f->toplevel && ((st_.match_all && f->ptr != end_) || (st_.must_advance && f->ptr == st_.start)))
          RETURN(0);
        sptr_ = f->ptr;
        RETURN(1);
      case AT:
        if (!at(p[1], f->ptr)) RETURN(0);
        f->pc += 2;
        break;
      case ANY: case ANY_ALL: case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE:
      case NOT_LITERAL_IGNORE: case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE:
      case LITERAL_LOC_IGNORE: case NOT_LITERAL_LOC_IGNORE: case IN: case IN_IGNORE:
      case IN_UNI_IGNORE: case IN_LOC_IGNORE: case CATEGORY:
        if (f->ptr >= end_ || !one(f->pc, ch(f->ptr))) RETURN(0);
        f->pc += unit_size(f->pc);
        f->ptr++;
        break;
      case INFO:
        if (p[3] && end_ - f->ptr < static_cast<int64_t>(p[3])) RETURN(0);
        f->pc += p[1] + 1;
        break;
      case JUMP:
        f->pc += p[1] + 1;
        break;
      case MARK:
        set_mark(p[1], f->ptr);
        f->pc += 2;
        break;
      case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE: {
        if (!group_ref(p[1], &f->ptr, p[0] == GROUPREF ? 0 : p[0] == GROUPREF_UNI_IGNORE ? 2 : 1)) RETURN(0);
        f->pc += 2;
        break;
      }
      case GROUPREF_EXISTS: {
        f->pc = group_set(p[1]) ? f->pc + 3 : f->pc + 1 + p[2];
        break;
      }
      case BRANCH:
        lastmark_save(f);
        f->pushed = repeat_ >= 0;
        if (f->pushed) mark_push(f);
        f->alt = f->pc + 1;
        while (code_[f->alt]) {
          {
            const uint32_t* a = code_ + f->alt;
            if (a[1] == LITERAL && (f->ptr >= end_ || ch(f->ptr) != a[2])) {
              f->alt += a[0];
              continue;
            }
            if (a[1] == IN && (f->ptr >= end_ || !charset(f->alt + 3, ch(f->ptr)))) {
              f->alt += a[0];
              continue;
            }
          }
          CALL(R_BRANCH, f->alt + 1, f->ptr, f->toplevel);
        resume_branch:
          if (ret) {
            if (f->pushed) mark_discard(f);
            RETURN(ret);
          }
          if (f->pushed) mark_restore(f);
          lastmark_restore(f);
          f->alt += code_[f->alt];
        }
        if (f->pushed) mark_discard(f);
        RETURN(0);
      case REPEAT_ONE: {
        min = p[2];
        if (f->ptr + static_cast<int64_t>(min) > end_) RETURN(0);
        f->count = count_units(f->pc + 4, f->ptr, p[3]);
        if (f->count < static_cast<int64_t>(min)) RETURN(0);
        f->ptr += f->count;
        if (code_[f->pc + 1 + p[1]] == SUCCESS && f->ptr == end_ && !(f->toplevel && st_.must_advance && f->ptr == st_.start)) {
          sptr_ = f->ptr;
          RETURN(1);
        }
        lastmark_save(f);
        f->pushed = repeat_ >= 0;
        if (f->pushed) mark_push(f);
        if (code_[f->pc + 1 + code_[f->pc + 1]] == LITERAL) {
          for (;;) {
            {
              uint32_t c = code_[f->pc + 1 + code_[f->pc + 1] + 1];
              int64_t mn = code_[f->pc + 2];
              while (f->count >= mn && (f->ptr >= end_ || ch(f->ptr) != c)) {
                f->ptr--;
                f->count--;
              }
              if (f->count < mn) break;
            }
            CALL(R_REPEAT_ONE_1, f->pc + 1 + code_[f->pc + 1], f->ptr, f->toplevel);
          resume_repeat_one_1:
            if (ret) {
              if (f->pushed) mark_discard(f);
              RETURN(ret);
            }
            if (f->pushed) mark_restore(f);
            lastmark_restore(f);
            f->ptr--;
            f->count--;
          }
        } else {
          while (f->count >= static_cast<int64_t>(code_[f->pc + 2])) {
            CALL(R_REPEAT_ONE_2, f->pc + 1 + code_[f->pc + 1], f->ptr, f->toplevel);
          resume_repeat_one_2:
            if (ret) {
              if (f->pushed) mark_discard(f);
              RETURN(ret);
            }
            if (f->pushed) mark_restore(f);
            lastmark_restore(f);
            f->ptr--;
            f->count--;
          }
        }
        if (f->pushed) mark_discard(f);
        RETURN(0);
      }
      case MIN_REPEAT_ONE: {
        min = p[2];
        if (f->ptr + static_cast<int64_t>(min) > end_) RETURN(0);
        if (min == 0) {
          f->count = 0;
        } else {
          f->count = count_units(f->pc + 4, f->ptr, min);
          if (f->count < static_cast<int64_t>(min)) RETURN(0);
          f->ptr += f->count;
        }
        lastmark_save(f);
        f->pushed = repeat_ >= 0;
        if (f->pushed) mark_push(f);
        while (code_[f->pc + 3] == kMaxRepeat || f->count <= static_cast<int64_t>(code_[f->pc + 3])) {
          CALL(R_MIN_REPEAT_ONE, f->pc + 1 + code_[f->pc + 1], f->ptr, f->toplevel);
        resume_min_repeat_one:
          if (ret) {
            if (f->pushed) mark_discard(f);
            RETURN(ret);
          }
          if (f->pushed) mark_restore(f);
          lastmark_restore(f);
          if (f->ptr >= end_ || !one(f->pc + 4, ch(f->ptr))) break;
          f->ptr++;
          f->count++;
        }
        if (f->pushed) mark_discard(f);
        RETURN(0);
      }
      case POSSESSIVE_REPEAT_ONE: {
        min = p[2];
        if (f->ptr + static_cast<int64_t>(min) > end_) RETURN(0);
        f->count = count_units(f->pc + 4, f->ptr, p[3]);
        if (f->count < static_cast<int64_t>(min)) RETURN(0);
        f->ptr += f->count;
        f->pc += p[1] + 1;
        break;
      }
      case REPEAT:
        reps_.push_back(Repeat{-1, f->pc + 1, repeat_, -1});
        f->rep = static_cast<int>(reps_.size()) - 1;
        repeat_ = f->rep;
        CALL(R_REPEAT, f->pc + 1 + p[1], f->ptr, f->toplevel);
      resume_repeat:
        repeat_ = reps_[f->rep].prev;
        reps_.pop_back();
        RETURN(ret);
      case MAX_UNTIL: {
        if (repeat_ < 0) {
          raise(exc::RuntimeError, "internal error in regular expression engine");
          return -1;
        }
        f->rep = repeat_;
        f->count = reps_[f->rep].count + 1;
        min = code_[reps_[f->rep].pc + 1];
        max = code_[reps_[f->rep].pc + 2];
        if (f->count < static_cast<int64_t>(min)) {
          reps_[f->rep].count = f->count;
          CALL(R_MAX_UNTIL_1, reps_[f->rep].pc + 3, f->ptr, f->toplevel);
        resume_max_until_1:
          if (ret) RETURN(ret);
          reps_[f->rep].count = f->count - 1;
          RETURN(0);
        }
        if ((f->count < static_cast<int64_t>(max) || max == kMaxRepeat) && f->ptr != reps_[f->rep].last_ptr) {
          reps_[f->rep].count = f->count;
          lastmark_save(f);
          mark_push(f);
          f->saved_last_ptr = reps_[f->rep].last_ptr;
          reps_[f->rep].last_ptr = f->ptr;
          CALL(R_MAX_UNTIL_2, reps_[f->rep].pc + 3, f->ptr, f->toplevel);
        resume_max_until_2:
          reps_[f->rep].last_ptr = f->saved_last_ptr;
          if (ret) {
            mark_discard(f);
            RETURN(ret);
          }
          mark_restore(f);
          mark_discard(f);
          lastmark_restore(f);
          reps_[f->rep].count = f->count - 1;
        }
        repeat_ = reps_[f->rep].prev;
        CALL(R_MAX_UNTIL_3, f->pc + 1, f->ptr, f->toplevel);
      resume_max_until_3:
        repeat_ = f->rep;
        RETURN(ret);
      }
      case MIN_UNTIL: {
        if (repeat_ < 0) {
          raise(exc::RuntimeError, "internal error in regular expression engine");
          return -1;
        }
        f->rep = repeat_;
        f->count = reps_[f->rep].count + 1;
        min = code_[reps_[f->rep].pc + 1];
        if (f->count < static_cast<int64_t>(min)) {
          reps_[f->rep].count = f->count;
          CALL(R_MIN_UNTIL_1, reps_[f->rep].pc + 3, f->ptr, f->toplevel);
        resume_min_until_1:
          if (ret) RETURN(ret);
          reps_[f->rep].count = f->count - 1;
          RETURN(0);
        }
        lastmark_save(f);
        repeat_ = reps_[f->rep].prev;
        f->pushed = repeat_ >= 0;
        if (f->pushed) mark_push(f);
        CALL(R_MIN_UNTIL_2, f->pc + 1, f->ptr, f->toplevel);
      resume_min_until_2:
        repeat_ = f->rep;
        if (ret) {
          if (f->pushed) mark_discard(f);
          RETURN(ret);
        }
        if (f->pushed) {
          mark_restore(f);
          mark_discard(f);
        }
        lastmark_restore(f);
        max = code_[reps_[f->rep].pc + 2];
        if ((f->count >= static_cast<int64_t>(max) && max != kMaxRepeat) || f->ptr == reps_[f->rep].last_ptr) RETURN(0);
        reps_[f->rep].count = f->count;
        f->saved_last_ptr = reps_[f->rep].last_ptr;
        reps_[f->rep].last_ptr = f->ptr;
        CALL(R_MIN_UNTIL_3, reps_[f->rep].pc + 3, f->ptr, f->toplevel);
      resume_min_until_3:
        reps_[f->rep].last_ptr = f->saved_last_ptr;
        if (ret) RETURN(ret);
        reps_[f->rep].count = f->count - 1;
        RETURN(0);
      }
      case ASSERT:
        if (f->ptr - static_cast<int64_t>(p[2]) < 0) RETURN(0);
        CALL(R_ASSERT, f->pc + 3, f->ptr - p[2], false);
      resume_assert:
        if (ret <= 0) RETURN(ret);
        f->pc += code_[f->pc + 1] + 1;
        goto dispatch;
      case ASSERT_NOT:
        if (f->ptr - static_cast<int64_t>(p[2]) >= 0) {
          lastmark_save(f);
          f->pushed = repeat_ >= 0;
          if (f->pushed) mark_push(f);
          CALL(R_ASSERT_NOT, f->pc + 3, f->ptr - p[2], false);
        resume_assert_not:
          if (ret < 0) return ret;
          if (ret) {
            if (f->pushed) mark_discard(f);
            RETURN(0);
          }
          if (f->pushed) {
            mark_restore(f);
            mark_discard(f);
          }
          lastmark_restore(f);
        }
        f->pc += code_[f->pc + 1] + 1;
        goto dispatch;
      case ATOMIC_GROUP:
        CALL(R_ATOMIC, f->pc + 2, f->ptr, false);
      resume_atomic:
        if (ret <= 0) RETURN(ret);
        f->ptr = sptr_;
        f->pc += code_[f->pc + 1] + 1;
        goto dispatch;
      case POSSESSIVE_REPEAT:
        f->count = 0;
        while (f->count < static_cast<int64_t>(code_[f->pc + 2])) {
          CALL(R_POSS_1, f->pc + 4, f->ptr, false);
        resume_poss_1:
          if (ret <= 0) RETURN(ret);
          f->ptr = sptr_;
          f->count++;
        }
        while (code_[f->pc + 3] == kMaxRepeat || f->count < static_cast<int64_t>(code_[f->pc + 3])) {
          lastmark_save(f);
          mark_push(f);
          CALL(R_POSS_2, f->pc + 4, f->ptr, false);
        resume_poss_2:
          if (ret < 0) return ret;
          if (!ret) {
            mark_restore(f);
            mark_discard(f);
            lastmark_restore(f);
            break;
          }
          mark_discard(f);
          if (sptr_ == f->ptr) break;
          f->ptr = sptr_;
          f->count++;
        }
        f->pc += code_[f->pc + 1] + 2;  // past the body's SUCCESS
        goto dispatch;
      default:
        raise_format(exc::RuntimeError, "not implemented: _sre opcode %u", p[0]);
        return -1;
    }
  }

do_return:
  if (ret < 0) return ret;
  frames_.pop_back();
  if (frames_.empty()) {
    st_.ptr = sptr_;
    return ret;
  }
  f = &frames_.back();
  switch (f->resume) {
    case R_BRANCH: goto resume_branch;
    case R_REPEAT_ONE_1: goto resume_repeat_one_1;
    case R_REPEAT_ONE_2: goto resume_repeat_one_2;
    case R_MIN_REPEAT_ONE: goto resume_min_repeat_one;
    case R_REPEAT: goto resume_repeat;
    case R_MAX_UNTIL_1: goto resume_max_until_1;
    case R_MAX_UNTIL_2: goto resume_max_until_2;
    case R_MAX_UNTIL_3: goto resume_max_until_3;
    case R_MIN_UNTIL_1: goto resume_min_until_1;
    case R_MIN_UNTIL_2: goto resume_min_until_2;
    case R_MIN_UNTIL_3: goto resume_min_until_3;
    case R_ASSERT: goto resume_assert;
    case R_ASSERT_NOT: goto resume_assert_not;
    case R_ATOMIC: goto resume_atomic;
    case R_POSS_1: goto resume_poss_1;
    case R_POSS_2: goto resume_poss_2;
    default: break;
  }
  raise(exc::RuntimeError, "internal error in regular expression engine");
  return -1;
#undef CALL
#undef RETURN
}

template <class C>
int search_with(MatchState& st) {
  if (st.start > st.end) return 0;
  Engine<C> engine(st);
  const uint32_t* code = st.code;
  // The INFO block's literal prefix or first-character set lets the scan skip start positions
  // where no match can begin (such patterns cannot match empty).
  uint32_t first = 0, set_pc = 0;
  bool has_first = false, has_set = false;
  if (code[0] == INFO) {
    if (st.end - st.start < static_cast<int64_t>(code[3])) return 0;
    uint32_t flags = code[2];
    if ((flags & 1) && code[5] >= 1) {
      has_first = true;
      first = code[7];
    } else if (flags & 4) {
      has_set = true;
      set_pc = 5;
    }
  }
  const C* s = static_cast<const C*>(st.subject.data);
  int64_t start = st.start;
  bool must_advance = st.must_advance;
  for (int64_t ptr = start; ptr <= st.end; ptr++) {
    if (has_first) {
      while (ptr < st.end && static_cast<uint32_t>(s[ptr]) != first) ptr++;
      if (ptr >= st.end) break;
    } else if (has_set) {
      while (ptr < st.end && !engine.in_set(set_pc, static_cast<uint32_t>(s[ptr]))) ptr++;
      if (ptr >= st.end) break;
    }
    st.start = ptr;
    st.must_advance = must_advance && ptr == start;
    int r = engine.match_at(0, ptr);
    if (r != 0) {
      st.must_advance = must_advance;
      return r;
    }
  }
  st.must_advance = must_advance;
  return 0;
}

}  // namespace

int engine_match(MatchState& state) {
  switch (state.subject.width) {
    case 1: return Engine<uint8_t>(state).match_at(0, state.start);
    case 2: return Engine<uint16_t>(state).match_at(0, state.start);
    default: return Engine<uint32_t>(state).match_at(0, state.start);
  }
}

int engine_search(MatchState& state) {
  switch (state.subject.width) {
    case 1: return search_with<uint8_t>(state);
    case 2: return search_with<uint16_t>(state);
    default: return search_with<uint32_t>(state);
  }
}

}  // namespace krait::modules::sre
