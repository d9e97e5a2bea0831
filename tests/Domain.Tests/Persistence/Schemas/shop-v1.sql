-- The shop's tables as release 1 (commit f9b802d) created them, verbatim from its sqlite_master.
-- SchemaUpgradeTests start from this file to prove that every SchemaStep brings such a database to the current model.
CREATE TABLE "Categories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Categories" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);
CREATE TABLE "CouponCampaigns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CouponCampaigns" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DiscountKind" TEXT NOT NULL,
    "DiscountValue" INTEGER NOT NULL,
    "MaxDiscount" INTEGER NULL,
    "MinOrderAmount" INTEGER NOT NULL,
    "TotalQuantity" INTEGER NOT NULL,
    "IssuedCount" INTEGER NOT NULL,
    "ClaimOpensAt" TEXT NOT NULL,
    "ClaimClosesAt" TEXT NOT NULL,
    "CouponValidFor" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "CK_CouponCampaigns_Issued" CHECK ("IssuedCount" >= 0 AND "IssuedCount" <= "TotalQuantity")
);
CREATE TABLE "IssuedCoupons" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IssuedCoupons" PRIMARY KEY AUTOINCREMENT,
    "CampaignId" INTEGER NOT NULL,
    "ShopperId" TEXT NOT NULL,
    "IssuedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "OrderId" INTEGER NULL,
    "UsedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_IssuedCoupons_CouponCampaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "CouponCampaigns" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IssuedCoupons_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "OrderLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrderLines" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "ProductId" INTEGER NOT NULL,
    "ProductName" TEXT NOT NULL,
    "UnitPrice" INTEGER NOT NULL,
    "Quantity" INTEGER NOT NULL,
    CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OrderLines_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "Orders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY AUTOINCREMENT,
    "ShopperId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "PaidAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Subtotal" INTEGER NOT NULL,
    "Discount" INTEGER NOT NULL,
    "Total" INTEGER NOT NULL,
    "IssuedCouponId" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Orders_IssuedCoupons_IssuedCouponId" FOREIGN KEY ("IssuedCouponId") REFERENCES "IssuedCoupons" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "Outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY AUTOINCREMENT,
    "Type" TEXT NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "DeliveredAt" TEXT NULL,
    "LeasedUntil" TEXT NULL,
    "LeaseId" TEXT NULL
);
CREATE TABLE "Payments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY AUTOINCREMENT,
    "OrderId" INTEGER NOT NULL,
    "ShopperId" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "PaidAt" TEXT NOT NULL,
    CONSTRAINT "FK_Payments_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "ProductSalesHours" (
    "ProductId" INTEGER NOT NULL,
    "HourStart" TEXT NOT NULL,
    "UnitsSold" INTEGER NOT NULL,
    CONSTRAINT "PK_ProductSalesHours" PRIMARY KEY ("ProductId", "HourStart"),
    CONSTRAINT "FK_ProductSalesHours_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "Products" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Products" PRIMARY KEY AUTOINCREMENT,
    "CategoryId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "SearchName" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Price" INTEGER NOT NULL,
    "Stock" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "CK_Products_Stock" CHECK ("Stock" >= 0),
    CONSTRAINT "FK_Products_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "StockAdjustments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StockAdjustments" PRIMARY KEY AUTOINCREMENT,
    "ProductId" INTEGER NOT NULL,
    "Delta" INTEGER NOT NULL,
    "StockAfter" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_StockAdjustments_Products_ProductId" FOREIGN KEY ("ProductId") REFERENCES "Products" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "WalletLedger" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WalletLedger" PRIMARY KEY AUTOINCREMENT,
    "ShopperId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "BalanceAfter" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "IdempotencyKey" TEXT NULL,
    "OrderId" INTEGER NULL
);
CREATE TABLE "Wallets" (
    "ShopperId" TEXT NOT NULL CONSTRAINT "PK_Wallets" PRIMARY KEY,
    "Balance" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "CK_Wallets_Balance" CHECK ("Balance" >= 0)
);
CREATE UNIQUE INDEX "IX_Categories_Name" ON "Categories" ("Name");
CREATE UNIQUE INDEX "IX_CouponCampaigns_Code" ON "CouponCampaigns" ("Code");
CREATE UNIQUE INDEX "IX_IssuedCoupons_CampaignId_ShopperId" ON "IssuedCoupons" ("CampaignId", "ShopperId");
CREATE UNIQUE INDEX "IX_IssuedCoupons_OrderId" ON "IssuedCoupons" ("OrderId");
CREATE INDEX "IX_IssuedCoupons_ShopperId" ON "IssuedCoupons" ("ShopperId");
CREATE INDEX "IX_OrderLines_OrderId" ON "OrderLines" ("OrderId");
CREATE INDEX "IX_OrderLines_ProductId" ON "OrderLines" ("ProductId");
CREATE INDEX "IX_Orders_CreatedAt" ON "Orders" ("CreatedAt");
CREATE INDEX "IX_Orders_IssuedCouponId" ON "Orders" ("IssuedCouponId");
CREATE INDEX "IX_Orders_ShopperId_Id" ON "Orders" ("ShopperId", "Id");
CREATE UNIQUE INDEX "IX_Orders_ShopperId_RequestId" ON "Orders" ("ShopperId", "RequestId");
CREATE INDEX "IX_Orders_Status_ExpiresAt" ON "Orders" ("Status", "ExpiresAt");
CREATE UNIQUE INDEX "IX_Outbox_IdempotencyKey" ON "Outbox" ("IdempotencyKey");
CREATE INDEX "IX_Outbox_LeaseId" ON "Outbox" ("LeaseId");
CREATE INDEX "IX_Outbox_State_NextAttemptAt" ON "Outbox" ("State", "NextAttemptAt");
CREATE UNIQUE INDEX "IX_Payments_OrderId" ON "Payments" ("OrderId");
CREATE INDEX "IX_Payments_PaidAt" ON "Payments" ("PaidAt");
CREATE INDEX "IX_ProductSalesHours_HourStart" ON "ProductSalesHours" ("HourStart");
CREATE INDEX "IX_Products_CategoryId_Price" ON "Products" ("CategoryId", "Price");
CREATE INDEX "IX_Products_CreatedAt" ON "Products" ("CreatedAt");
CREATE INDEX "IX_Products_Price" ON "Products" ("Price");
CREATE INDEX "IX_Products_SearchName" ON "Products" ("SearchName");
CREATE INDEX "IX_Products_Stock" ON "Products" ("Stock");
CREATE INDEX "IX_StockAdjustments_ProductId_Id" ON "StockAdjustments" ("ProductId", "Id");
CREATE INDEX "IX_WalletLedger_ShopperId_Id" ON "WalletLedger" ("ShopperId", "Id");
CREATE UNIQUE INDEX "IX_WalletLedger_ShopperId_IdempotencyKey" ON "WalletLedger" ("ShopperId", "IdempotencyKey");
