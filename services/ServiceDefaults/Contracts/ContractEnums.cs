using System.Collections.Frozen;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// A contract enum's values by their names in the contract (<c>CLOSURE_STEP_KIND_HAZARDOUS_WASTE_REMOVED</c>), for the
/// messages that carry a value as text and the code that reads it back.
/// </summary>
public static class ContractEnums
{
    /// <summary>The value's name in the contract; a number the contract does not name, as a number.</summary>
    public static string NameOf<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>The value the contract names so; none for a name it does not have.</summary>
    public static TEnum? ValueOf<TEnum>(string name) where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(name, out var value) ? value : null;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        private static readonly (TEnum Value, string Name)[] All = [.. typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((TEnum)f.GetValue(null)!, f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name))];

        public static readonly FrozenDictionary<TEnum, string> ByValue = All.DistinctBy(v => v.Value).ToFrozenDictionary(v => v.Value, v => v.Name);

        public static readonly FrozenDictionary<string, TEnum> ByName = All.ToFrozenDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
    }
}
