using 'main.bicep'

param automationAccountName = 'aa-prod'
param userAssignedOne = 'uai-one'
param userAssignedTwo = 'uai-two'
