using System.Globalization;

namespace NewsBot.Core.Answers;

/// <summary>The platform's region data: one <see cref="RegionInfo"/> per specific culture (countries' names, currencies).</summary>
internal static class Regions
{
    /// <summary>Every specific culture's region; a culture the platform lists without region data is left out.</summary>
    public static IEnumerable<RegionInfo> OfSpecificCultures()
    {
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            yield return region;
        }
    }
}
