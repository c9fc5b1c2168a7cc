// Plain hand-written C++ NHS number validator, measured with Google Benchmark over exactly the inputs
// NhsNumberBench uses (written by `NhsIdentity.Benchmarks --emit-inputs <path>`).
//
// Usage: nhs_validate <inputs.txt> [google-benchmark flags]
//   <inputs.txt>        one input per line (LF); <inputs.txt>.valid holds the C# valid count (optional)
//
// This is the reference the library's IsValid is compared with: the loop a competent C++ programmer writes
// in five minutes -- no SIMD, no tables, no tricks.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Accepts ten ASCII digits or "ddd ddd dddd"; weights 10..2; check = 11 - sum % 11 (11 -> 0, 10 -> invalid).
inline bool is_valid_nhs_number(std::string_view s) noexcept {
    char d[10];
    if (s.size() == 10) {
        for (int i = 0; i < 10; ++i) d[i] = s[i];
    } else if (s.size() == 12 && s[3] == ' ' && s[7] == ' ') {
        d[0] = s[0]; d[1] = s[1]; d[2] = s[2];
        d[3] = s[4]; d[4] = s[5]; d[5] = s[6];
        d[6] = s[8]; d[7] = s[9]; d[8] = s[10]; d[9] = s[11];
    } else {
        return false;
    }

    unsigned sum = 0;
    for (int i = 0; i < 9; ++i) {
        unsigned digit = static_cast<unsigned char>(d[i]) - '0';
        if (digit > 9) return false;
        sum += digit * static_cast<unsigned>(10 - i);
    }
    unsigned last = static_cast<unsigned char>(d[9]) - '0';
    if (last > 9) return false;

    unsigned check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && check == last;
}

std::vector<std::string> g_storage;
std::vector<std::string_view> g_inputs;

int count_valid() {
    int valid = 0;
    for (std::string_view s : g_inputs) valid += is_valid_nhs_number(s) ? 1 : 0;
    return valid;
}

void BM_IsValid_Cpp(benchmark::State& state) {
    int valid = 0;
    for (auto _ : state) {
        valid = 0;
        for (std::string_view s : g_inputs) {
            valid += is_valid_nhs_number(s) ? 1 : 0;
        }
        benchmark::DoNotOptimize(valid);
        benchmark::ClobberMemory();
    }
    const auto n = static_cast<int64_t>(g_inputs.size());
    state.SetItemsProcessed(state.iterations() * n);
    // Time per number (seconds, printed with an SI prefix: "13.2n" = 13.2 ns): the inverse of the
    // per-iteration-invariant rate, i.e. CPU time of one iteration divided by the number of inputs.
    state.counters["per_number"] = benchmark::Counter(
        static_cast<double>(n),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.counters["valid"] = valid;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " <inputs.txt> [--benchmark_* flags]\n";
        return 2;
    }

    const std::string path = argv[1];
    std::ifstream in(path);
    if (!in) {
        std::cerr << "cannot read " << path << "\n";
        return 2;
    }
    for (std::string line; std::getline(in, line);) g_storage.push_back(std::move(line));
    g_inputs.assign(g_storage.begin(), g_storage.end());

    const int cpp_valid = count_valid();
    int csharp_valid = -1;
    if (std::ifstream count_file(path + ".valid"); count_file) count_file >> csharp_valid;
    std::printf("inputs: %zu, valid (C++ loop): %d, valid (C# NhsNumber.IsValid): %d\n",
                g_inputs.size(), cpp_valid, csharp_valid);
    if (csharp_valid >= 0 && csharp_valid != cpp_valid) {
        std::fprintf(stderr, "MISMATCH: the C++ loop and NhsNumber.IsValid disagree on the inputs\n");
        return 1;
    }
    std::fflush(stdout);

    benchmark::RegisterBenchmark("IsValid_Cpp", BM_IsValid_Cpp);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
