// The `time` module: clocks, sleep, struct_time conversions (gmtime, localtime, mktime),
// strftime/asctime/ctime, the time-zone attributes and get_clock_info.
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include <gmpxx.h>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/namespace.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

TypeObject* g_struct_time = nullptr;

const StructSeqField kStructTimeFields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
};

const char kStructTimeDoc[] =
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), "
    "mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n Note that several "
    "fields' values are not the same as those defined by\n the C language standard for struct tm.  For "
    "example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n "
    "fields' descriptions for details.";

// --- argument checks (CPython's messages) -----------------------------------------------------

bool check_no_args(const char* name, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise_format(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != 0) {
    raise_format(exc::TypeError, "%s() takes no arguments (%zu given)", name, nargs);
    return false;
  }
  return true;
}

bool check_range(const char* name, size_t nargs, Value kwnames, size_t min, size_t max) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise_format(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs < min || nargs > max) {
    // PyArg_ParseTuple's message.
    const char* how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    size_t n = nargs < min ? min : max;
    raise_format(exc::TypeError, "%s() takes %s %zu argument%s (%zu given)", name, how, n, n == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

// --- clocks ------------------------------------------------------------------------------------------

int64_t clock_ns(clockid_t clock) {
  struct timespec ts;
  ::clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Seconds as CPython's _PyTime_AsSecondsDouble computes them (exact when whole).
Value seconds_from_ns(int64_t ns) {
  if (ns % 1000000000 == 0) return float_from_double(static_cast<double>(ns / 1000000000));
  return float_from_double(static_cast<double>(ns) / 1e9);
}

#define CLOCK_FUNCTIONS(name, clock)                                                    \
  Value name##_function(Value, const Value*, size_t nargs, Value kwnames) {             \
    if (!check_no_args("time." #name, nargs, kwnames)) return Value();                  \
    return seconds_from_ns(clock_ns(clock));                                            \
  }                                                                                     \
  Value name##_ns_function(Value, const Value*, size_t nargs, Value kwnames) {          \
    if (!check_no_args("time." #name "_ns", nargs, kwnames)) return Value();            \
    return int_from_int64(clock_ns(clock));                                             \
  }
CLOCK_FUNCTIONS(time, CLOCK_REALTIME)
CLOCK_FUNCTIONS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCTIONS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCTIONS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCTIONS(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef CLOCK_FUNCTIONS

bool clock_id_arg(Value v, clockid_t* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t id = 0;
  if (!int_to_int64(index.get(), &id) || id > INT32_MAX || id < INT32_MIN) {
    raise(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<clockid_t>(id);
  return true;
}

Value raise_os_errno(int code) {
  Ref number = Ref::steal(int_from_int64(code));
  Ref message = Ref::steal(str_from_utf8(std::strerror(code)));
  if (!number || !message) return Value();
  Value args[2] = {number.get(), message.get()};
  Ref error = Ref::steal(call(Value::object(exc::OSError), args, 2));
  if (error) set_exception(error.get());
  return Value();
}

Value clock_gettime_common(const char* name, const Value* args, size_t nargs, Value kwnames, bool ns) {
  clockid_t clock = 0;
  if (!check_range(name, nargs, kwnames, 1, 1) || !clock_id_arg(args[0], &clock)) return Value();
  struct timespec ts;
  if (::clock_gettime(clock, &ts) != 0) return raise_os_errno(errno);
  int64_t total = static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
  return ns ? int_from_int64(total) : seconds_from_ns(total);
}

Value clock_gettime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return clock_gettime_common("clock_gettime", args, nargs, kwnames, false);
}
Value clock_gettime_ns_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return clock_gettime_common("clock_gettime_ns", args, nargs, kwnames, true);
}

Value clock_getres_function(Value, const Value* args, size_t nargs, Value kwnames) {
  clockid_t clock = 0;
  if (!check_range("clock_getres", nargs, kwnames, 1, 1) || !clock_id_arg(args[0], &clock)) return Value();
  struct timespec ts;
  if (::clock_getres(clock, &ts) != 0) return raise_os_errno(errno);
  return float_from_double(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

// A seconds argument for sleep: int or float (anything with __float__), as nanoseconds.
bool sleep_ns(Value v, int64_t* out) {
  if (is_int(v)) {
    mpz_class z = int_to_mpz(v) * 1000000000;
    if (!z.fits_slong_p()) {
      raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    *out = z.get_si();
    return true;
  }
  if (!is_float(v)) {
    Ref as_int = Ref::steal(number_index(v));
    if (!as_int) return false;
    return sleep_ns(as_int.get(), out);
  }
  double d = float_value(v);
  if (std::isnan(d)) {
    raise(exc::ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  double ns = std::round(d * 1e9);  // CPython rounds sleep times with ROUND_TIMEOUT (up for >0)
  if (d > 0) ns = std::ceil(d * 1e9);
  if (!(ns >= -9.2233720368547758e18 && ns < 9.2233720368547758e18)) {
    raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  *out = static_cast<int64_t>(ns);
  return true;
}

Value sleep_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(exc::TypeError, "time.sleep() takes no keyword arguments");
  if (nargs != 1) return raise_format(exc::TypeError, "time.sleep() takes exactly one argument (%zu given)", nargs);
  int64_t ns = 0;
  if (!sleep_ns(args[0], &ns)) return Value();
  if (ns < 0) return raise(exc::ValueError, "sleep length must be non-negative");
  struct timespec deadline;
  ::clock_gettime(CLOCK_MONOTONIC, &deadline);
  int64_t end = static_cast<int64_t>(deadline.tv_sec) * 1000000000 + deadline.tv_nsec + ns;
  deadline.tv_sec = end / 1000000000;
  deadline.tv_nsec = end % 1000000000;
  int r;
  while ((r = ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr)) == EINTR) {
  }
  if (r != 0) return raise_os_errno(r);
  return new_ref(none());
}

// --- struct_time ------------------------------------------------------------------------------------

// A time_t from an int or float (floored), or the current time for None / absent.
bool time_t_arg(Value v, time_t* out) {
  if (!v || v.is(none())) {
    *out = ::time(nullptr);
    return true;
  }
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)) {
      raise(exc::OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<time_t>(d);
    return true;
  }
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t t = 0;
  if (!int_to_int64(index.get(), &t)) {
    raise(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = static_cast<time_t>(t);
  return true;
}

Value struct_time_from(const struct tm& tm, const char* zone, long gmtoff) {
  Ref result = Ref::steal(structseq_new(g_struct_time));
  if (!result) return Value();
  const int64_t values[] = {static_cast<int64_t>(tm.tm_year) + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                            tm.tm_min, tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1, tm.tm_isdst};
  for (size_t i = 0; i < 9; ++i) structseq_set(result.get(), i, int_from_int64(values[i]));
  Value z = zone ? str_from_utf8(zone) : new_ref(none());
  if (!z) return Value();
  structseq_set(result.get(), 9, z);
  structseq_set(result.get(), 10, int_from_int64(gmtoff));
  return result.release();
}

Value convert_time(const char* name, const Value* args, size_t nargs, Value kwnames, bool local) {
  if (!check_range(name, nargs, kwnames, 0, 1)) return Value();
  time_t t = 0;
  if (!time_t_arg(nargs ? args[0] : Value(), &t)) return Value();
  struct tm tm;
  errno = 0;
  if ((local ? ::localtime_r(&t, &tm) : ::gmtime_r(&t, &tm)) == nullptr) {
    return raise_os_errno(errno ? errno : EINVAL);
  }
  return struct_time_from(tm, tm.tm_zone, tm.tm_gmtoff);
}

Value gmtime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return convert_time("gmtime", args, nargs, kwnames, false);
}
Value localtime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return convert_time("localtime", args, nargs, kwnames, true);
}

// A struct_time or 9-tuple as a struct tm (CPython's gettmarg); `zone` keeps tm_zone's text alive.
bool tm_from_tuple(Value v, const char* fname, struct tm* out, std::string* zone) {
  if (!is_tuple(v)) {
    raise(exc::TypeError, "Tuple or struct_time argument required");
    return false;
  }
  if (tuple_size(v) != 9) {
    raise_format(exc::TypeError, "%s(): illegal time tuple argument", fname);
    return false;
  }
  int fields[9];
  for (size_t i = 0; i < 9; ++i) {
    Value item = tuple_get(v, i);
    if (is_float(item)) {
      raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
      return false;
    }
    Ref index = Ref::steal(number_index(item));
    if (!index) return false;
    int64_t x = 0;
    if (!int_to_int64(index.get(), &x) || x > INT32_MAX || x < INT32_MIN) {
      raise(exc::OverflowError, "Python int too large to convert to C int");
      return false;
    }
    fields[i] = static_cast<int>(x);
  }
  std::memset(out, 0, sizeof(*out));
  out->tm_year = fields[0] - 1900;
  out->tm_mon = fields[1] - 1;
  out->tm_mday = fields[2];
  out->tm_hour = fields[3];
  out->tm_min = fields[4];
  out->tm_sec = fields[5];
  out->tm_wday = (fields[6] + 1) % 7;
  if (out->tm_wday < 0) out->tm_wday += 7;
  out->tm_yday = fields[7] - 1;
  out->tm_isdst = fields[8];
  if (type_of(v) == g_struct_time) {
    Value z = structseq_get(v, 9);
    if (z && is_str(z)) {
      *zone = str_to_utf8(z);
      out->tm_zone = zone->c_str();
    }
    Value off = structseq_get(v, 10);
    int64_t gmtoff = 0;
    if (off && is_int(off) && int_to_int64(off, &gmtoff)) out->tm_gmtoff = gmtoff;
  }
  return true;
}

// strftime/asctime's checks, after CPython's normalization of zero fields.
bool check_tm(struct tm* tm) {
  if (tm->tm_mon == -1) tm->tm_mon = 0;
  else if (tm->tm_mon < 0 || tm->tm_mon > 11) return raise(exc::ValueError, "month out of range"), false;
  if (tm->tm_mday == 0) tm->tm_mday = 1;
  else if (tm->tm_mday < 0 || tm->tm_mday > 31) return raise(exc::ValueError, "day of month out of range"), false;
  if (tm->tm_hour < 0 || tm->tm_hour > 23) return raise(exc::ValueError, "hour out of range"), false;
  if (tm->tm_min < 0 || tm->tm_min > 59) return raise(exc::ValueError, "minute out of range"), false;
  if (tm->tm_sec < 0 || tm->tm_sec > 61) return raise(exc::ValueError, "seconds out of range"), false;
  if (tm->tm_wday < 0) return raise(exc::ValueError, "day of week out of range"), false;
  if (tm->tm_yday == -1) tm->tm_yday = 0;
  else if (tm->tm_yday < 0 || tm->tm_yday > 365) return raise(exc::ValueError, "day of year out of range"), false;
  return true;
}

// The struct tm of an optional time-tuple argument (absent/None: localtime now).
bool tm_arg(Value v, const char* fname, struct tm* tm, std::string* zone) {
  if (!v || v.is(none())) {
    time_t now = ::time(nullptr);
    if (::localtime_r(&now, tm) == nullptr) return raise_os_errno(errno ? errno : EINVAL), false;
    return true;
  }
  return tm_from_tuple(v, fname, tm, zone);
}

Value mktime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(exc::TypeError, "time.mktime() takes no keyword arguments");
  if (nargs != 1) return raise_format(exc::TypeError, "time.mktime() takes exactly one argument (%zu given)", nargs);
  struct tm tm;
  std::string zone;
  if (!tm_from_tuple(args[0], "mktime", &tm, &zone)) return Value();
  tm.tm_wday = -1;  // sentinel: mktime sets it on success
  time_t t = ::mktime(&tm);
  if (t == static_cast<time_t>(-1) && tm.tm_wday == -1)
    return raise(exc::OverflowError, "mktime argument out of range");
  return float_from_double(static_cast<double>(t));
}

Value strftime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_range("strftime", nargs, kwnames, 1, 2)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc::TypeError, "strftime() argument 1 must be str, not %s", type_name(type_of(args[0])));
  struct tm tm;
  std::string zone;
  if (!tm_arg(nargs > 1 ? args[1] : Value(), "strftime", &tm, &zone)) return Value();
  if (nargs > 1 && !check_tm(&tm)) return Value();
  if (tm.tm_isdst < -1) tm.tm_isdst = -1;
  else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
  Ref encoded = Ref::steal(str_encode(args[0], "utf-8", "surrogateescape"));
  if (!encoded) return Value();
  std::string format(bytes_view(encoded.get()));
  if (format.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null character");
  if (format.empty()) return str_empty();
  for (size_t size = 1024;; size *= 2) {
    std::string buffer(size, '\0');
    size_t n = ::strftime(buffer.data(), size, format.c_str(), &tm);
    // 0 is ambiguous (an empty result or too small a buffer): CPython retries up to 256x the format.
    if (n > 0 || size > 256 * format.size()) return bytes_decode(std::string_view(buffer.data(), n), "utf-8", "surrogateescape");
  }
}

Value asctime_text(const struct tm& tm) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return str_from_format("%s %s%3d %.2d:%.2d:%.2d %d", kDays[tm.tm_wday], kMonths[tm.tm_mon], tm.tm_mday,
                         tm.tm_hour, tm.tm_min, tm.tm_sec, 1900 + tm.tm_year);
}

Value asctime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_range("asctime", nargs, kwnames, 0, 1)) return Value();
  struct tm tm;
  std::string zone;
  if (!tm_arg(nargs ? args[0] : Value(), "asctime", &tm, &zone)) return Value();
  if (nargs && !args[0].is(none()) && !check_tm(&tm)) return Value();
  if (tm.tm_wday > 6) return raise(exc::ValueError, "day of week out of range");
  return asctime_text(tm);
}

Value ctime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_range("ctime", nargs, kwnames, 0, 1)) return Value();
  time_t t = 0;
  if (!time_t_arg(nargs ? args[0] : Value(), &t)) return Value();
  struct tm tm;
  errno = 0;
  if (::localtime_r(&t, &tm) == nullptr) {
    return raise_os_errno(errno ? errno : EINVAL);
  }
  return asctime_text(tm);
}

Value strptime_function(Value, const Value* args, size_t nargs, Value kwnames) {
  // time.strptime is _strptime._strptime_time, as in CPython.
  Value import = dict_get_item_str(builtins_dict(), "__import__");
  if (!import) return raise(exc::ImportError, "__import__ not found");
  Ref name = Ref::steal(str_from_ascii("_strptime"));
  if (!name) return Value();
  Ref module = Ref::steal(call_one_arg(import, name.get()));
  if (!module) return Value();
  Ref function = Ref::steal(get_attr(module.get(), "_strptime_time"));
  if (!function) return Value();
  return call(function.get(), args, nargs, kwnames);
}

// --- time zones, clock info -----------------------------------------------------------------------

int set_timezone_attributes(Value module) {
  ::tzset();
  // CPython's rule: the offsets of January and July of this year; the larger one is standard time.
  const time_t year = (365 * 24 + 6) * 3600;
  time_t t = (::time(nullptr) / year) * year;
  struct tm jan, jul;
  ::localtime_r(&t, &jan);
  t += year / 2;
  ::localtime_r(&t, &jul);
  long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  std::string janname = jan.tm_zone ? jan.tm_zone : "", julname = jul.tm_zone ? jul.tm_zone : "";
  long timezone = janzone, altzone = julzone;
  std::string std_name = janname, dst_name = julname;
  if (janzone < julzone) {  // the southern hemisphere
    timezone = julzone;
    altzone = janzone;
    std_name = julname;
    dst_name = janname;
  }
  Ref tz = Ref::steal(int_from_int64(timezone)), alt = Ref::steal(int_from_int64(altzone));
  Ref daylight = Ref::steal(int_from_int64(janzone != julzone));
  Ref n1 = Ref::steal(str_from_utf8(std_name)), n2 = Ref::steal(str_from_utf8(dst_name));
  if (!tz || !alt || !daylight || !n1 || !n2) return -1;
  Ref names = Ref::steal(tuple_pack({n1.get(), n2.get()}));
  if (!names) return -1;
  if (module_add(module, "timezone", tz.get()) < 0 || module_add(module, "altzone", alt.get()) < 0 ||
      module_add(module, "daylight", daylight.get()) < 0 || module_add(module, "tzname", names.get()) < 0)
    return -1;
  return 0;
}

Value tzset_function(Value module, const Value*, size_t nargs, Value kwnames) {
  if (!check_no_args("time.tzset", nargs, kwnames)) return Value();
  if (set_timezone_attributes(module) < 0) return Value();
  return new_ref(none());
}

Value get_clock_info_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_range("get_clock_info", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc::TypeError, "get_clock_info() argument 1 must be str, not %s",
                        type_name(type_of(args[0])));
  std::string_view name = str_utf8(args[0]);
  const char* implementation = nullptr;
  clockid_t clock = CLOCK_REALTIME;
  bool monotonic = true, adjustable = false;
  if (name == "time") {
    implementation = "clock_gettime(CLOCK_REALTIME)";
    monotonic = false;
    adjustable = true;
  } else if (name == "monotonic" || name == "perf_counter") {
    implementation = "clock_gettime(CLOCK_MONOTONIC)";
    clock = CLOCK_MONOTONIC;
  } else if (name == "process_time") {
    implementation = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
    clock = CLOCK_PROCESS_CPUTIME_ID;
  } else if (name == "thread_time") {
    implementation = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
    clock = CLOCK_THREAD_CPUTIME_ID;
  } else {
    return raise(exc::ValueError, "unknown clock");
  }
  struct timespec res;
  ::clock_getres(clock, &res);
  double resolution = static_cast<double>(res.tv_sec) + static_cast<double>(res.tv_nsec) * 1e-9;
  // A types.SimpleNamespace, keys in CPython's order.
  Ref info = Ref::steal(dict_new());
  Ref impl = Ref::steal(str_from_ascii(implementation));
  if (!info || !impl) return Value();
  if (dict_set_item_str(info.get(), "implementation", impl.get()) < 0 ||
      dict_set_item_str(info.get(), "monotonic", bool_value(monotonic)) < 0 ||
      dict_set_item_str(info.get(), "adjustable", bool_value(adjustable)) < 0 ||
      dict_set_item_str(info.get(), "resolution", float_from_double(resolution)) < 0)
    return Value();
  return namespace_new(info.get());
}

#define F(name, fn) {name, reinterpret_cast<void*>(fn), MethodKind::FastKeywords}
const MethodDef kTimeFunctions[] = {
    F("time", time_function),
    F("time_ns", time_ns_function),
    F("monotonic", monotonic_function),
    F("monotonic_ns", monotonic_ns_function),
    F("perf_counter", perf_counter_function),
    F("perf_counter_ns", perf_counter_ns_function),
    F("process_time", process_time_function),
    F("process_time_ns", process_time_ns_function),
    F("thread_time", thread_time_function),
    F("thread_time_ns", thread_time_ns_function),
    F("clock_gettime", clock_gettime_function),
    F("clock_gettime_ns", clock_gettime_ns_function),
    F("clock_getres", clock_getres_function),
    F("sleep", sleep_function),
    F("gmtime", gmtime_function),
    F("localtime", localtime_function),
    F("mktime", mktime_function),
    F("strftime", strftime_function),
    F("strptime", strptime_function),
    F("asctime", asctime_function),
    F("ctime", ctime_function),
    F("tzset", tzset_function),
    F("get_clock_info", get_clock_info_function),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace

Value create_time_module() {
  if (!g_struct_time) {
    g_struct_time = structseq_new_type(StructSeqDesc{"time.struct_time", kStructTimeDoc, kStructTimeFields, 11, 9});
    if (!g_struct_time) return Value();
  }
  Ref module = Ref::steal(module_new("time"));
  if (!module) return Value();
  Value m = module.get();
  if (module_add_functions(m, kTimeFunctions) < 0 || module_add(m, "struct_time", Value::object(g_struct_time)) < 0)
    return Value();
  const struct {
    const char* name;
    long value;
  } constants[] = {{"CLOCK_REALTIME", CLOCK_REALTIME},
                   {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
                   {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
                   {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
                   {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
                   {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
                   {"CLOCK_TAI", CLOCK_TAI},
                   {"_STRUCT_TM_ITEMS", 11}};
  for (const auto& c : constants) {
    Ref v = Ref::steal(int_from_int64(c.value));
    if (!v || module_add(m, c.name, v.get()) < 0) return Value();
  }
  if (set_timezone_attributes(m) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
