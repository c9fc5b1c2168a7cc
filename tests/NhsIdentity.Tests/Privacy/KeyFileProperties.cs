using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Privacy;
using static NhsIdentity.Tests.Privacy.KeyFileWriter;

namespace NhsIdentity.Tests.Privacy;

/// <summary>
/// What a key file may look like and still give the one key it holds; what it may not look like and be read as
/// another. Each case is built from a seed, so a failure names a seed that reproduces it.
/// </summary>
public sealed class KeyFileProperties
{
    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(int.MinValue, int.MaxValue));

    [Property(MaxTest = 500)]
    public Property A_random_key_in_any_accepted_form_loads_as_the_same_bytes_and_is_never_weak() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var key = RandomKey(random);
            var layout = LayoutFrom(random);
            using var loaded = PseudonymKey.FromKeyFileContent(Write(key, layout, random), "p");
            return loaded.Secret.SequenceEqual(key).Label(layout.ToString());
        });

    [Property(MaxTest = 500)]
    public Property One_hex_digit_changed_to_a_letter_that_is_not_hex_is_an_error_never_another_key() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var key = RandomKey(random);
            var layout = LayoutFrom(random) with { Form = (Form)random.Next(1, 4) };
            var text = KeyFileWriter.Text(key, layout.Form, random).ToCharArray();
            var position = random.Next(text.Length);
            const string notHex = "ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ";
            text[position] = notHex[random.Next(notHex.Length)];
            var content = Lay(new string(text), layout);
            var exception = Record.Exception(() => PseudonymKey.FromKeyFileContent(content, "p").Dispose());
            return (exception is PseudonymKeyException { Problem: PseudonymKeyProblem.MalformedHex }).Label($"{layout}, position {position}: {exception?.GetType().Name ?? "loaded"}");
        });

    [Property(MaxTest = 300)]
    public Property Keys_from_too_few_byte_values_are_refused_as_weak_unless_allowed() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var length = random.Next(32, 65);

            // n bytes over k values carry at most n·log2(k) bits: pick k so that is under 128.
            var values = Math.Max(1, (int)Math.Ceiling(Math.Pow(2, 128.0 / length)) - 1);
            var alphabet = new byte[256];
            random.NextBytes(alphabet);
            var key = Enumerable.Range(0, length).Select(_ => alphabet[random.Next(values)]).ToArray();
            var exception = Record.Exception(() => new PseudonymKey(key, "p").Dispose());
            using var allowed = new PseudonymKey(key, "p", new PseudonymKeyOptions { AllowWeakKey = true });
            return (PseudonymKey.EstimateEntropyBits(key) < PseudonymKey.MinimumEstimatedEntropyBits
                && exception is PseudonymKeyException { IsWeakKey: true }
                && allowed.Secret.SequenceEqual(key)).Label($"{length} bytes over {values} values");
        });

    [Property(MaxTest = 200)]
    public Property The_entropy_estimate_ignores_byte_order() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var key = new byte[random.Next(1, 80)];
            random.NextBytes(key);
            for (var i = 0; i < key.Length; i++)
            {
                key[i] %= (byte)random.Next(1, 20);
            }

            var shuffled = key.ToArray();
            random.Shuffle(shuffled);
            return Math.Abs(PseudonymKey.EstimateEntropyBits(key) - PseudonymKey.EstimateEntropyBits(shuffled)) < 1e-9;
        });
}
