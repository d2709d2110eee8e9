using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.ServiceDefaults.Data;

public static class TextColumns
{
    /// <summary>Bilingual text as two columns, <c>{name}_en</c> and <c>{name}_fr</c>.</summary>
    public static void Bilingual(ComplexPropertyBuilder<Text> text)
    {
        text.Property(t => t.En).HasMaxLength(RequestValidator.MaxTextLength);
        text.Property(t => t.Fr).HasMaxLength(RequestValidator.MaxTextLength);
    }
}
