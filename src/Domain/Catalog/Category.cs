namespace ECommerce.Domain.Catalog;

public sealed class Category
{
    private Category()
    {
        Name = "";
    }

    public Category(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
}
